import { partnerHeaders } from '@platform/kit';
import { startCoreSimulator, type CoreSimulator, type ReceivedCall } from '@platform/simulator';
import { useTestPlatform } from './support/platform';
import { call, ccoAdminToken, CCO_TIME } from './support/contract';

// MariaDB + Redis: the tenant's core system is down while collectors work two cases; the write-backs (partner § 4)
// queue, are retried with back-off (visible through the deliveries route), and once the core system is back it
// receives every one of them exactly once, in order per case.
const platform = useTestPlatform(undefined, () => ({
  OUTBOUND_POLL_MS: '150',
  OUTBOUND_TIMEOUT_MS: '2000',
  OUTBOUND_BACKOFF_BASE_MS: '300',
  OUTBOUND_BACKOFF_CAP_MS: '1200',
  OUTBOUND_BREAKER_FAILURES: '3',
  OUTBOUND_BREAKER_COOLDOWN_MS: '500',
}));
let core: CoreSimulator;
let admin: string;
let demoId: number;

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function graph<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await platform.platform.router.executor.execute({ query, variables, headers: { authorization: `Bearer ${admin}` } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const deliveries = async (query = '') =>
  (await call(platform.app, 'GET', `/api/v1/tenants/${demoId}/integration/deliveries?size=100${query}`, { token: admin })).body.data;

beforeAll(async () => {
  core = await startCoreSimulator({ port: 0, tenantCode: 'DEMO', apiKey: 'cco-outbound', apiSecret: 'outbound-signing-secret' });
  await core.stop();
  admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const me = await call(platform.app, 'GET', '/api/v1/tenants', { token: admin });
  demoId = me.body.data.items[0].id;
  const set = await call(platform.app, 'PUT', `/api/v1/tenants/${demoId}/integration`, {
    token: admin,
    body: { core_base_url: core.url, outbound_auth: { type: 'hmac', api_key: 'cco-outbound', api_secret: 'outbound-signing-secret' } },
  });
  expect(set.status).toBe(200);

  const key = (await call(platform.app, 'POST', `/api/v1/tenants/${demoId}/api-credentials`, { token: admin, body: { name: 'core' } })).body.data;
  const raw = JSON.stringify({
    push_batch_no: 'OUTBOUND_1',
    cases: ['OUT_A', 'OUT_B'].map((code) => ({
      case_code: code,
      user_id: `U_${code}`,
      user_name: '陈大明',
      mobile: '+63-917-111-1111',
      loan_amount: 5000,
      outstanding_amount: 4700,
      overdue_days: 15,
      due_date: '2025-11-05',
    })),
  });
  const pushed = await call(platform.app, 'POST', '/api/v1/webhook/cases/import', {
    body: raw,
    headers: { 'content-type': 'application/json', ...partnerHeaders({ apiKey: key.api_key, secret: key.api_secret, tenantCode: 'DEMO' }, raw) },
  });
  expect(pushed.body.data).toMatchObject({ success: 2 });
}, 60_000);
afterAll(() => core?.stop());

it('queues write-backs while the core system is down, retries with back-off, then delivers each once, in order per case', async () => {
  const cases = await graph<{ cases: { items: { id: string; caseCode: string }[] } }>(
    '{ cases(pageSize: 100) { items { id caseCode } } }',
    {},
  );
  const idOf = (code: string) => cases.cases.items.find((c) => c.caseCode === code)!.id;
  const [a, b] = [idOf('OUT_A'), idOf('OUT_B')];
  const promiseDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const record = (caseId: string, result: string) =>
    graph<{ recordCommunication: { id: string } }>('mutation($i: RecordCommunicationInput!) { recordCommunication(input: $i) { id } }', {
      i: { caseId, contactMethod: 'phone', contactResult: result, communicationContent: `call on ${caseId}` },
    });
  const commA = (await record(a, '接通')).recordCommunication.id;
  const ptpA = (
    await graph<{ createPtp: { id: string } }>('mutation($i: CreatePtpInput!) { createPtp(input: $i) { id } }', {
      i: { caseId: a, promiseDate, promiseAmount: '2000.00', promiseMethod: 'bank_transfer' },
    })
  ).createPtp.id;
  const commB = (await record(b, '未接通')).recordCommunication.id;
  const status = (id: string, caseStatus: string) =>
    graph('mutation($id: ID!, $i: UpdateCaseStatusInput!) { updateCaseStatus(id: $id, input: $i) { newStatus } }', { id, i: { caseStatus, notes: '结案' } });
  await status(a, 'settled');
  await status(b, 'closed');

  // A: communication, PTP, status, result; B: communication, status, result. Every case's head keeps failing.
  const failing = await waitFor('retries while the core system is down', async () => {
    const page = await deliveries();
    const heads = page.items.filter((d: { attempts: number }) => d.attempts >= 2);
    return page.total === 7 && heads.length === 2 ? page : undefined;
  });
  const byCase = (code: string) => failing.items.filter((d: { case_code: string }) => d.case_code === code).reverse();
  for (const code of ['OUT_A', 'OUT_B']) {
    const [head, ...behind] = byCase(code);
    expect(head).toMatchObject({ status: 'pending', next_attempt_at: expect.stringMatching(CCO_TIME), last_error: expect.stringMatching(/unreachable|circuit open/) });
    for (const waiting of behind) expect(waiting).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
  }
  expect(byCase('OUT_A').map((d: { kind: string }) => d.kind)).toEqual(['communication', 'ptp', 'case_status', 'result']);
  expect(byCase('OUT_B').map((d: { kind: string }) => d.kind)).toEqual(['communication', 'case_status', 'result']);
  expect((await deliveries('&status=pending')).total).toBe(7);
  expect(core.received()).toEqual([]);

  await core.restart();
  await waitFor('every write-back delivered', async () => ((await deliveries('&status=delivered')).total === 7 ? true : undefined));
  // A few more polls: nothing is sent twice.
  await new Promise((r) => setTimeout(r, 800));

  const received = core.received().filter((c) => c.path.startsWith('/api/collection/'));
  expect(received.every((c) => c.authenticated && c.method === 'POST')).toBe(true);
  // identity announced the tenant (tenant.changed): every call names it as the document shows.
  expect([...new Set(received.map((c) => c.headers['x-tenant-code']))]).toEqual(['DEMO']);
  const sent = (code: string) =>
    received
      .filter((c: ReceivedCall) => (c.body as { case_code: string }).case_code === code)
      .map((c) => c.path.replace('/api/collection/', ''));
  expect(sent('OUT_A')).toEqual(['communications', 'ptp', 'case-status', 'results']);
  expect(sent('OUT_B')).toEqual(['communications', 'case-status', 'results']);
  expect(received).toHaveLength(7);

  const kept = core.book.writeBacks('OUT_A');
  expect(kept.communications).toEqual([
    expect.objectContaining({ case_code: 'OUT_A', communication_id: commA, contact_method: 'phone', contact_result: '接通', communication_content: `call on ${a}` }),
  ]);
  expect(kept.ptps).toEqual([expect.objectContaining({ case_code: 'OUT_A', ptp_id: ptpA, promise_date: promiseDate, promise_amount: 2000, promise_method: 'bank_transfer' })]);
  expect(kept.statusChanges).toEqual([expect.objectContaining({ old_status: 'pending_repayment', new_status: 'settled', change_reason: '结案' })]);
  expect(kept.results).toEqual([expect.objectContaining({ collection_result: 'settled', total_contact_count: 1, effective_contact_count: 1 })]);
  expect(core.book.writeBacks('OUT_B').communications).toEqual([expect.objectContaining({ communication_id: commB, contact_result: '未接通' })]);
  expect(core.book.writeBacks('OUT_B').results).toEqual([expect.objectContaining({ collection_result: 'unable_to_contact', effective_contact_count: 0 })]);

  const done = await deliveries();
  for (const d of done.items) expect(d).toMatchObject({ status: 'delivered', delivered_at: expect.stringMatching(CCO_TIME), next_attempt_at: null });
}, 90_000);
