import { partnerHeaders } from '@platform/kit';
import type { UntypedJson } from '@platform/testkit';
import { CoreBook, startCoreSimulator, type CoreSimulator, type CoreSimulatorOptions } from '@platform/simulator';

const KEY = { apiKey: 'core-key', secret: 'core-secret' };
const base: CoreSimulatorOptions = { port: 0, tenantCode: 'TENANT_A', apiKey: KEY.apiKey, apiSecret: KEY.secret };

let sim: CoreSimulator;
afterEach(async () => sim?.stop());

/** A call signed as the platform signs its outbound calls. */
async function signed(method: string, path: string, body?: unknown, key = KEY, extra: Record<string, string> = {}) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const res = await fetch(sim.url + path, {
    method,
    headers: { ...partnerHeaders(key, raw), 'x-tenant-code': 'TENANT_A', 'content-type': 'application/json', ...extra },
    ...(body === undefined ? {} : { body: raw }),
  });
  return { status: res.status, body: (await res.json()) as UntypedJson };
}

describe('core simulator: authentication', () => {
  beforeEach(async () => {
    sim = await startCoreSimulator(base);
  });

  it('answers a signed § 3.1 query and journals it as authenticated', async () => {
    const res = await signed('GET', '/api/customers/USER_001');
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(200);
    expect(res.body.data).toMatchObject({ user_id: 'USER_001', nationality: 'PH', kyc_info: { kyc_status: 'verified' } });
    expect(res.body.data.mobile).toMatch(/^\+63-917-\d{3}-\d{4}$/);
    expect(res.body.data.emergency_contacts[0]).toEqual(
      expect.objectContaining({ contact_name: expect.any(String), relationship: expect.any(String), mobile: expect.any(String) }),
    );
    expect(res.body.data.bank_accounts[0].account_no).toMatch(/^\*{4}\d{4}$/);
    expect(sim.received()).toEqual([
      expect.objectContaining({ method: 'GET', path: '/api/customers/USER_001', authenticated: true, body: null }),
    ]);
    expect(sim.received()[0].headers['x-api-key']).toBe('core-key');
  });

  it.each([
    ['no signature', () => fetch(`${sim.url}/api/customers/U1`)],
    ['a wrong secret', () => signed('GET', '/api/customers/U1', undefined, { ...KEY, secret: 'other' })],
    ['another key', () => signed('GET', '/api/customers/U1', undefined, { ...KEY, apiKey: 'other' })],
    ['another tenant code', () => signed('GET', '/api/customers/U1', undefined, KEY, { 'x-tenant-code': 'TENANT_B' })],
    [
      'a stale timestamp',
      () => fetch(`${sim.url}/api/customers/U1`, { headers: partnerHeaders(KEY, '', Date.now() - 600_000) }),
    ],
    ['an unknown bearer token', () => fetch(`${sim.url}/api/customers/U1`, { headers: { authorization: 'Bearer nope' } })],
  ])('refuses %s with 401 and journals the call as unauthenticated', async (_name, call) => {
    const res = await call();
    const body = res instanceof Response ? { status: res.status, body: await res.json() } : res;
    expect(body).toEqual({ status: 401, body: { code: 401, message: '认证失败' } });
    expect(sim.received()).toHaveLength(1);
    expect(sim.received()[0].authenticated).toBe(false);
  });

  it('verifies the signature over the exact body bytes', async () => {
    const raw = JSON.stringify({ case_codes: ['C1'] });
    const res = await fetch(`${sim.url}/api/cases/batch-status`, {
      method: 'POST',
      headers: { ...partnerHeaders(KEY, raw), 'content-type': 'application/json' },
      body: JSON.stringify({ case_codes: ['C2'] }),
    });
    expect(res.status).toBe(401);
  });

  it('answers 404 in the same body for a path it does not serve', async () => {
    expect(await signed('GET', '/api/nothing')).toEqual({ status: 404, body: { code: 404, message: '资源不存在' } });
  });
});

describe('core simulator: OAuth2 client credentials', () => {
  beforeEach(async () => {
    sim = await startCoreSimulator({ ...base, oauth: { clientId: 'platform', clientSecret: 's3cret' } });
  });

  const token = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${sim.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });

  it('issues a bearer token (form or Basic client) that authenticates § 3 calls', async () => {
    const res = await token({ grant_type: 'client_credentials', client_id: 'platform', client_secret: 's3cret', scope: 'core' });
    expect(res.status).toBe(200);
    const issued = (await res.json()) as UntypedJson;
    expect(issued).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'core' });
    const basic = await token(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from('platform:s3cret').toString('base64')}` },
    );
    expect(basic.status).toBe(200);

    const call = await fetch(`${sim.url}/api/loans/LOAN_9`, { headers: { authorization: `Bearer ${issued.access_token}` } });
    expect(call.status).toBe(200);
    expect(((await call.json()) as UntypedJson).data.loan_id).toBe('LOAN_9');
    expect(sim.received().at(-1)).toMatchObject({ path: '/api/loans/LOAN_9', authenticated: true });
  });

  it('refuses a wrong client secret and another grant type', async () => {
    const wrong = await token({ grant_type: 'client_credentials', client_id: 'platform', client_secret: 'x' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid_client' });
    const password = await token({ grant_type: 'password', client_id: 'platform', client_secret: 's3cret' });
    expect(password.status).toBe(400);
    expect(await password.json()).toEqual({ error: 'unsupported_grant_type' });
  });
});

describe('core simulator: § 3 queries, § 4 write-backs, § 6 statistics', () => {
  beforeEach(async () => {
    sim = await startCoreSimulator(base);
  });

  it('serves a case put in the book: loan detail, repayments, batch status', async () => {
    const today = sim.book.todayDate();
    const dueDate = new Date(Date.parse(today) - 15 * 86_400_000).toISOString().slice(0, 10);
    sim.book.putCase({ case_code: 'CASE_001', user_id: 'USER_001', loan_id: 'LOAN_001', loan_amount: 5000, interest_rate: 0.15, due_date: dueDate });
    sim.book.addRepayment('CASE_001', { repayment_id: 'PAY_001', repayment_amount: 1000, repayment_channel: 'ewallet' });

    const loan = await signed('GET', '/api/loans/LOAN_001');
    expect(loan.status).toBe(200);
    expect(loan.body.data).toMatchObject({
      loan_id: 'LOAN_001',
      user_id: 'USER_001',
      loan_amount: 5000,
      interest_rate: 0.15,
      loan_status: 'overdue',
      repayment_summary: { total_repaid: 1000, outstanding_principal: 4000, outstanding_interest: 750 },
      overdue_info: { overdue_days: 15, penalty_rate: 0.001, daily_penalty: 5 },
    });
    expect(loan.body.data.repayment_plan).toEqual([
      expect.objectContaining({ period: 1, due_date: dueDate, principal_amount: 5000, interest_amount: 750, total_amount: 5750, repaid_amount: 1000 }),
    ]);
    const s = loan.body.data.repayment_summary;
    expect(s.total_outstanding).toBeCloseTo(s.outstanding_principal + s.outstanding_interest + s.outstanding_penalty, 2);

    const repayments = await signed('GET', '/api/loans/LOAN_001/repayments');
    expect(repayments.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        loan_id: 'LOAN_001',
        total_repayments: 1,
        repayments: [expect.objectContaining({ repayment_id: 'PAY_001', repayment_amount: 1000, principal_amount: 1000, interest_amount: 0, repayment_channel: 'ewallet' })],
      },
    });

    sim.book.addRepayment('CASE_001', { repayment_amount: 100_000 });
    const batch = await signed('POST', '/api/cases/batch-status', { case_codes: ['CASE_001', 'CASE_NEW'] });
    expect(batch.status).toBe(200);
    expect(batch.body.data).toEqual([
      { case_code: 'CASE_001', case_status: 'settled', outstanding_amount: 0, last_repayment_date: today },
      { case_code: 'CASE_NEW', case_status: 'pending_repayment', outstanding_amount: expect.any(Number), overdue_days: expect.any(Number) },
    ]);
  });

  it('refuses a batch-status body without case codes with 400', async () => {
    expect(await signed('POST', '/api/cases/batch-status', { case_codes: [] })).toEqual({
      status: 400,
      body: { code: 400, message: 'case_codes must be a non-empty array of case codes' },
    });
  });

  it('keeps each § 4 write-back against its case and answers as the document does', async () => {
    const comm = await signed('POST', '/api/collection/communications', {
      case_code: 'CASE_001',
      communication_id: 'COMM_001',
      contact_method: 'phone',
      contact_result: '接通',
    });
    expect(comm).toEqual({
      status: 200,
      body: { code: 200, message: '沟通记录已保存', data: { communication_id: 'COMM_001', saved_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/) } },
    });
    const ptp = await signed('POST', '/api/collection/ptp', { case_code: 'CASE_001', ptp_id: 'PTP_001', promise_amount: 2000 });
    expect(ptp.body).toMatchObject({ code: 200, message: 'PTP记录已保存', data: { ptp_id: 'PTP_001' } });
    const result = await signed('POST', '/api/collection/results', { case_code: 'CASE_001', collection_result: 'settled' });
    expect(result.body).toMatchObject({ code: 200, data: { case_code: 'CASE_001' } });
    const status = await signed('POST', '/api/collection/case-status', { case_code: 'CASE_001', old_status: 'a', new_status: 'b' });
    expect(status.body).toMatchObject({ code: 200, data: { case_code: 'CASE_001' } });

    const kept = sim.book.writeBacks('CASE_001');
    expect(kept.communications).toEqual([expect.objectContaining({ communication_id: 'COMM_001', contact_result: '接通' })]);
    expect(kept.ptps).toEqual([expect.objectContaining({ ptp_id: 'PTP_001', promise_amount: 2000 })]);
    expect(kept.results).toHaveLength(1);
    expect(kept.statusChanges).toEqual([expect.objectContaining({ new_status: 'b' })]);
  });

  it('refuses a write-back missing a required field or with an unknown result, keeping nothing', async () => {
    expect(await signed('POST', '/api/collection/communications', { communication_id: 'C' })).toEqual({
      status: 400,
      body: { code: 400, message: 'case_code is required' },
    });
    const bad = await signed('POST', '/api/collection/results', { case_code: 'CASE_X', collection_result: 'won' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^collection_result must be one of settled, /);
    expect(sim.book.writeBacks('CASE_X')).toEqual({ communications: [], ptps: [], results: [], statusChanges: [] });
  });

  it('counts the open overdue cases by DPD bucket and by product (§ 6)', async () => {
    const daysAgo = (n: number) => new Date(Date.parse(sim.book.todayDate()) - n * 86_400_000).toISOString().slice(0, 10);
    sim.book.putCase({ case_code: 'A', loan_amount: 1000, interest_rate: 0, due_date: daysAgo(10), loan_product_code: 'P1', loan_product_name: 'One' });
    sim.book.putCase({ case_code: 'B', loan_amount: 2000, interest_rate: 0, due_date: daysAgo(45), loan_product_code: 'P1', loan_product_name: 'One' });
    sim.book.putCase({ case_code: 'C', loan_amount: 3000, interest_rate: 0, due_date: daysAgo(100), loan_product_code: 'P2', loan_product_name: 'Two' });
    sim.book.putCase({ case_code: 'D', loan_amount: 9000, interest_rate: 0, due_date: daysAgo(5), case_status: 'settled' });
    // penalties: 0.1 % a day, capped at 15 %
    const a = 1000 + 10;
    const b = 2000 + 90;
    const c = 3000 + 300;

    const overview = await signed('GET', '/api/statistics/case-overview?date=2025-11-20');
    expect(overview.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        date: '2025-11-20',
        total_overdue_cases: 3,
        total_overdue_amount: a + b + c,
        by_dpd: {
          dpd_1_30: { case_count: 1, amount: a },
          dpd_31_60: { case_count: 1, amount: b },
          dpd_61_90: { case_count: 0, amount: 0 },
          dpd_91_plus: { case_count: 1, amount: c },
        },
      },
    });
    const products = await signed('GET', '/api/statistics/by-product');
    expect(products.body.data).toEqual({
      date: sim.book.todayDate(),
      products: [
        { loan_product_code: 'P1', loan_product_name: 'One', overdue_cases: 2, overdue_amount: a + b },
        { loan_product_code: 'P2', loan_product_name: 'Two', overdue_cases: 1, overdue_amount: c },
      ],
    });
    expect((await signed('GET', '/api/statistics/case-overview?date=yesterday')).status).toBe(400);
  });
});

describe('core simulator: lifecycle and extra routes', () => {
  it('stops (calls fail to connect), restarts on the same url, and keeps its journal', async () => {
    sim = await startCoreSimulator(base);
    await signed('GET', '/api/customers/U1');
    await sim.stop();
    await expect(fetch(`${sim.url}/api/customers/U1`)).rejects.toThrow();
    await sim.restart();
    expect((await signed('GET', '/api/customers/U2')).status).toBe(200);
    expect(sim.received().map((c) => c.path)).toEqual(['/api/customers/U1', '/api/customers/U2']);
  });

  it('mounts extra routes beside §§ 3/4/6: open unless they ask for authentication', async () => {
    sim = await startCoreSimulator({
      ...base,
      routes: [
        { method: 'POST', path: '/sim/push/:kind', handler: (req) => ({ status: 202, body: { kind: req.params.kind, got: req.body } }) },
        { method: 'GET', path: '/sim/private', authenticate: true, handler: () => ({ body: { secret: true } }) },
      ],
    });
    const push = await fetch(`${sim.url}/sim/push/cases`, { method: 'POST', body: JSON.stringify({ n: 3 }) });
    expect(push.status).toBe(202);
    expect(await push.json()).toEqual({ kind: 'cases', got: { n: 3 } });
    expect((await fetch(`${sim.url}/sim/private`)).status).toBe(401);
    expect((await signed('GET', '/sim/private')).body).toEqual({ secret: true });
  });
});

describe('core book', () => {
  const fixed = () => new Date('2025-11-20T08:00:00Z');

  it('generates the same case, customer and loan for the same ids', () => {
    const one = new CoreBook(fixed);
    const two = new CoreBook(fixed);
    expect(one.caseByCode('CASE_77')).toEqual(two.caseByCode('CASE_77'));
    expect(one.customer('USER_X')).toEqual(two.customer('USER_X'));
    expect(one.loan('LOAN_X')).toEqual(two.loan('LOAN_X'));
    expect(one.caseByCode('CASE_77')).not.toEqual(one.caseByCode('CASE_78'));
  });

  it('links a generated case to its customer and loan, and keeps it', () => {
    const book = new CoreBook(fixed);
    const c = book.caseByCode('CASE_1');
    expect(book.customer(c.customer.user_id)).toBe(c.customer);
    expect(book.loan(c.loan.loan_id)).toBe(c.loan);
    expect(book.allCases()).toEqual([c]);
    const record = book.importRecord('CASE_1');
    expect(record).toMatchObject({ case_code: 'CASE_1', user_id: c.customer.user_id, loan_id: c.loan.loan_id, case_status: 'pending_repayment' });
    expect(record.overdue_days).toBeGreaterThan(0);
  });

  it('settles a case once its repayments cover everything outstanding', () => {
    const book = new CoreBook(fixed);
    book.putCase({ case_code: 'S', loan_amount: 1000, interest_rate: 0.1, due_date: '2025-11-10' });
    book.addRepayment('S', { repayment_amount: 500 });
    expect(book.caseByCode('S').case_status).toBe('partial_repayment');
    const left = book.balance(book.caseByCode('S')).total_outstanding;
    expect(left).toBe(500 + 100 + 10);
    book.addRepayment('S', { repayment_amount: left });
    expect(book.caseByCode('S').case_status).toBe('settled');
    expect(book.balance(book.caseByCode('S'))).toMatchObject({ total_outstanding: 0, total_repaid: 1110, overdue_days: 0 });
  });
});
