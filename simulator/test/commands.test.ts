import { partnerHeaders, createLogger, ConfigError } from '@platform/kit';
import type { UntypedJson } from '@platform/testkit';
import { loadSimulatorConfig, simulatedCaseCode, startSimulator, type RunningSimulator } from '@platform/simulator';
import { startPlatformStub, type PlatformStub } from './support/platform-stub';

const KEY = { apiKey: 'ak_cmd', secret: 'sk_cmd_secret', tenantCode: 'TENANT_A' };
const logger = createLogger({ name: 'simulator-test', level: 'silent' });

let platform: PlatformStub;
let sim: RunningSimulator;

const start = (extra: string[] = []) =>
  startSimulator(
    loadSimulatorConfig([`--platform-url=${platform.url}`, '--tenant-code=TENANT_A', '--api-key=ak_cmd', '--port=0', '--seed=9', ...extra], { API_SECRET: KEY.secret }),
    logger,
  );

async function command(method: string, path: string, body?: unknown): Promise<{ status: number; body: UntypedJson }> {
  const res = await fetch(`${sim.core.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  platform = await startPlatformStub(KEY);
});
afterAll(() => platform.close());
beforeEach(() => {
  platform.received.length = 0;
});
afterEach(() => sim?.close());

describe('the runnable simulator\'s commands', () => {
  beforeEach(async () => {
    sim = await start();
  });

  it('POST /_sim/push/cases pushes generated cases, numbered on from batch to batch, and keeps them in its book', async () => {
    const first = await command('POST', '/_sim/push/cases', { count: 3 });
    expect(first).toMatchObject({
      status: 200,
      body: { case_codes: [simulatedCaseCode(9, 1), simulatedCaseCode(9, 3)], status: 200, ms: expect.any(Number), answer: { code: 200, data: { total: 3, success: 3 } } },
    });
    const second = await command('POST', '/_sim/push/cases', { count: 2, batch_no: 'BATCH_MINE' });
    expect(second.body).toMatchObject({ push_batch_no: 'BATCH_MINE', case_codes: [simulatedCaseCode(9, 4), simulatedCaseCode(9, 5)] });
    expect(platform.received.map((r) => [r.path, r.verified, (r.body.cases as unknown[]).length])).toEqual([
      ['/api/v1/webhook/cases/import', true, 3],
      ['/api/v1/webhook/cases/import', true, 2],
    ]);
    // § 3.1 answers the customer as pushed.
    const pushed = (platform.received[0].body.cases as Array<{ case_code: string; user_id: string; user_name: string; mobile: string }>)[0];
    const customer = sim.core.book.customer(pushed.user_id);
    expect(customer).toMatchObject({ user_id: pushed.user_id, user_name: pushed.user_name, mobile: pushed.mobile });
  });

  it('POST /_sim/push/repayment and /_sim/push/repayments push over the pushed cases and report each answer', async () => {
    expect(await command('POST', '/_sim/push/repayments', { rate: 10, seconds: 0.2 })).toMatchObject({ status: 409, body: { error: expect.stringContaining('no cases pushed') } });
    await command('POST', '/_sim/push/cases', { count: 2 });
    const one = await command('POST', '/_sim/push/repayment', { case_code: simulatedCaseCode(9, 1), amount: 150, repayment_id: 'PAY_ONE', route: 'repayment-notify' });
    expect(one.body).toMatchObject({ repayment_id: 'PAY_ONE', status: 200, answer: { data: { applied: true } } });
    expect(platform.received.at(-1)).toMatchObject({ path: '/api/v1/webhook/repayment-notify', verified: true, body: { notify_type: 'repayment_success', repayment_id: 'PAY_ONE', repayment_amount: 150 } });
    expect(sim.core.book.caseByCode(simulatedCaseCode(9, 1)).loan.repayments.map((r) => r.repayment_id)).toContain('PAY_ONE');

    const stream = await command('POST', '/_sim/push/repayments', { rate: 20, seconds: 0.5 });
    expect(stream.body).toMatchObject({ sent: 10, applied: 10, refused: {}, answer_ms: { p50: expect.any(Number), p99: expect.any(Number) } });
    expect(stream.body.pushes).toHaveLength(10);
    expect(new Set(stream.body.pushes.map((p: { case_code: string }) => p.case_code))).toEqual(new Set([simulatedCaseCode(9, 1), simulatedCaseCode(9, 2)]));
    const pushes = (await command('GET', '/_sim/pushes')).body;
    expect(pushes.cases).toBe(2);
    expect(pushes.pushes).toHaveLength(1 + 1 + 10); // the batch, the one repayment, the stream
  });

  it('settles and recalls a case; a bad command is 400 naming the field and pushes nothing', async () => {
    expect((await command('POST', '/_sim/push/case-settled', { case_code: 'C1', settlement_date: '2025-11-20' })).body).toMatchObject({ status: 200 });
    expect((await command('POST', '/_sim/push/case-recalled', { case_code: 'C2', recall_reason: '客户投诉' })).body).toMatchObject({ status: 200 });
    expect(platform.received.map((r) => r.path)).toEqual(['/api/v1/webhook/case-settled', '/api/v1/webhook/case-recall']);
    expect(await command('POST', '/_sim/push/cases', { count: 0 })).toMatchObject({ status: 400, body: { error: expect.stringContaining('count') } });
    expect(await command('POST', '/_sim/push/repayment', { case_code: 'C1' })).toMatchObject({ status: 400, body: { error: expect.stringContaining('amount') } });
    expect(platform.received).toHaveLength(2);
  });

  it('GET /_sim/received lists the platform\'s calls, without their credentials or the commands', async () => {
    const raw = JSON.stringify({ case_codes: ['C1'] });
    const call = await fetch(`${sim.core.url}/api/cases/batch-status`, { method: 'POST', headers: { ...partnerHeaders(KEY, raw), 'content-type': 'application/json' }, body: raw });
    expect(call.status).toBe(200);
    await command('GET', '/_sim/pushes');
    const listed = (await command('GET', '/_sim/received')).body;
    expect(listed).toEqual([{ method: 'POST', path: '/api/cases/batch-status', body: { case_codes: ['C1'] }, tenant_code: 'TENANT_A', authenticated: true, at: expect.any(String) }]);
    expect(JSON.stringify(listed)).not.toContain(call.headers.get('x-signature') ?? 'x-signature');
  });
});

describe('the schedule', () => {
  it('pushes a batch at start and repayments at the configured rate over it', async () => {
    sim = await start(['--batch-minutes=60', '--batch-size=4', '--repayment-rate=20']);
    const deadline = Date.now() + 5000;
    while (platform.received.filter((r) => r.path.endsWith('/repayments')).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(platform.received[0]).toMatchObject({ path: '/api/v1/webhook/cases/import', verified: true });
    const repaid = platform.received.filter((r) => r.path.endsWith('/repayments'));
    expect(repaid.length).toBeGreaterThanOrEqual(5);
    expect(repaid.every((r) => r.verified && String(r.body.case_code).startsWith('SIM9_'))).toBe(true);
    await sim.close();
    const after = platform.received.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(platform.received.length).toBe(after);
  });
});

describe('configuration', () => {
  it('fails naming what is missing or wrong, flags before the environment', () => {
    expect(() => loadSimulatorConfig([], {})).toThrow(ConfigError);
    expect(() => loadSimulatorConfig([], {})).toThrow(/API_KEY/);
    expect(() => loadSimulatorConfig(['--nope=1'], {})).toThrow(/unknown argument --nope=1/);
    expect(() => loadSimulatorConfig(['--repayment-rate=-1'], { API_KEY: 'k', API_SECRET: 's' })).toThrow(/SCHEDULE_REPAYMENT_RATE/);
    const config = loadSimulatorConfig(['--port=4200'], { API_KEY: 'k', API_SECRET: 's', PORT: '4100', TENANT_CODE: 'T' });
    expect(config).toMatchObject({ port: 4200, tenantCode: 'T', platformUrl: 'http://127.0.0.1:8000' });
    expect(JSON.stringify(config)).not.toContain('"s"');
  });
});
