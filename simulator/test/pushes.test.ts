import { isValidPhoneNumber } from 'libphonenumber-js';
import { overdueCaseBatch, PartnerPusher, simulatedCaseCode } from '@platform/simulator';
import { startPlatformStub, type PlatformStub } from './support/platform-stub';

const KEY = { apiKey: 'ak_test', secret: 'sk_test_secret', tenantCode: 'DEMO' };

let platform: PlatformStub;
beforeAll(async () => {
  platform = await startPlatformStub(KEY);
});
afterAll(() => platform.close());
beforeEach(() => {
  platform.received.length = 0;
  platform.status = 200;
  platform.delayMs = 0;
});
const received = () => platform.received;

const pusher = () => new PartnerPusher({ baseUrl: platform.url, key: KEY });

describe('a batch of overdue cases (§ 2.1)', () => {
  it('is signed over its exact bytes and carries the documented fields', async () => {
    const { batch, answer } = await pusher().pushCases({ seed: 7, count: 25 });
    expect(answer).toMatchObject({ path: 'cases/import', status: 200, body: { code: 200, data: { total: 25, success: 25 } } });
    expect(answer.ms).toBeGreaterThan(0);
    expect(received()).toHaveLength(1);
    const [push] = received();
    expect(push).toMatchObject({ path: '/api/v1/webhook/cases/import', verified: true });
    expect(push.headers['content-type']).toBe('application/json');
    expect(push.headers['x-api-secret']).toBeUndefined();
    expect(push.body).toEqual(JSON.parse(JSON.stringify(batch)));
    expect(batch.push_batch_no).toMatch(/^BATCH_\d{8}_7_1$/);
    expect(batch.push_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(batch.cases).toHaveLength(25);
    for (const c of batch.cases) {
      expect(c).toMatchObject({
        case_code: expect.stringMatching(/^SIM7_\d{7}$/),
        user_id: expect.any(String),
        user_name: expect.stringMatching(/^[A-Z][a-z]+ [A-Z]/),
        mobile: expect.stringMatching(/^\+63-9\d\d-\d{3}-\d{4}$/),
        due_date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      });
      expect(isValidPhoneNumber(c.mobile)).toBe(true);
      expect(c.contact_phones.every((p) => isValidPhoneNumber(p.phone_number))).toBe(true);
      expect(c.overdue_days).toBeGreaterThan(0);
      // What is owed adds up, in cents.
      const cents = (n: number) => Math.round(n * 100);
      expect(cents(c.outstanding_amount)).toBe(cents(c.outstanding_principal) + cents(c.outstanding_interest) + cents(c.outstanding_penalty));
      expect(cents(c.outstanding_principal)).toBe(cents(c.loan_amount) - cents(c.repaid_amount));
      expect(c.repayment_history.reduce((sum, r) => sum + cents(r.repayment_amount), 0)).toBe(cents(c.repaid_amount));
    }
  });

  it('is the same for the same seed, whatever batch carries a case; another seed differs', () => {
    const now = new Date('2025-11-20T00:00:00Z');
    const whole = overdueCaseBatch({ seed: 3, count: 10, now });
    const tail = overdueCaseBatch({ seed: 3, first: 6, count: 5, now });
    expect(tail.cases).toEqual(whole.cases.slice(5));
    expect(tail.cases[0].case_code).toBe(simulatedCaseCode(3, 6));
    expect(whole.push_batch_no).toBe('BATCH_20251120_3_1');
    expect(overdueCaseBatch({ seed: 4, count: 10, now }).cases.map((c) => c.user_name)).not.toEqual(whole.cases.map((c) => c.user_name));
  });
});

describe('repayments (§ 2.3, § 5.1)', () => {
  it('§ 2.3 carries repayment_id, the case and the amount, signed', async () => {
    const p = pusher();
    const answer = await p.pushRepayment(p.repayment('SIM7_0000001', 'PAY_1', 2000));
    expect(answer.status).toBe(200);
    expect(received()[0]).toMatchObject({
      path: '/api/v1/webhook/repayments',
      verified: true,
      body: { repayment_id: 'PAY_1', case_code: 'SIM7_0000001', repayment_amount: 2000, repayment_channel: 'bank_transfer', transaction_no: 'TXNPAY1' },
    });
    expect(received()[0].body.repayment_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('§ 5.1 is the notice of the same repayment', async () => {
    const p = pusher();
    await p.pushRepayment(p.repayment('SIM7_0000002', 'PAY_2', '150.50'), 'repayment-notify');
    expect(received()[0]).toMatchObject({
      path: '/api/v1/webhook/repayment-notify',
      verified: true,
      body: { notify_type: 'repayment_success', case_code: 'SIM7_0000002', repayment_id: 'PAY_2', repayment_amount: '150.50', repayment_channel: 'bank_transfer' },
    });
    expect(received()[0].body.transaction_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('a stream keeps its rate over the chosen cases whatever the answer times, and reports each answer', async () => {
    platform.delayMs = 150; // longer than the 100 ms between pushes: an open loop does not wait
    const seen: string[] = [];
    const started = Date.now();
    const report = await pusher().streamRepayments({ rate: 10, seconds: 1, caseCodes: ['C1', 'C2', 'C3'], idPrefix: 'PAY_S', onAnswer: (s) => seen.push(s.repayment.repayment_id) });
    expect(report).toMatchObject({ sent: 10, applied: 10, refused: {} });
    expect(received().every((r) => r.verified)).toBe(true);
    expect(received().map((r) => r.body.case_code)).toEqual(['C1', 'C2', 'C3', 'C1', 'C2', 'C3', 'C1', 'C2', 'C3', 'C1']);
    expect(new Set(received().map((r) => r.body.repayment_id)).size).toBe(10);
    expect(seen.sort()).toEqual(received().map((r) => String(r.body.repayment_id)).sort());
    // 10 a second: the last leaves ~900 ms after the first, and not after waiting for nine answers of 150 ms each.
    const spread = received().at(-1)!.at - received()[0].at;
    expect(spread).toBeGreaterThan(800);
    expect(Date.now() - started).toBeLessThan(1400 + 1000);
    expect(report.p50).toBeGreaterThanOrEqual(150);
    expect(report.p99).toBeGreaterThanOrEqual(report.p50);
    for (const r of received()) expect(Number((r.body as { repayment_amount: number }).repayment_amount) % 50).toBe(0);
  });

  it('a stream counts what the platform refused, by status', async () => {
    platform.status = 429;
    const report = await pusher().streamRepayments({ rate: 20, seconds: 0.25, caseCodes: ['C1'] });
    expect(report).toMatchObject({ sent: 5, applied: 0, refused: { '429': 5 } });
  });
});

describe('case settled and recalled (§§ 5.2, 5.3), status update (§ 2.2)', () => {
  it('each goes to its path with the documented body, signed', async () => {
    const p = pusher();
    await p.settleCase('SIM7_0000003', { settlementDate: '2025-11-20', finalRepaymentAmount: 5000 });
    await p.recallCase('SIM7_0000004', '客户投诉', '客户已通过其他渠道还款');
    await p.updateCaseStatus({ case_code: 'SIM7_0000005', case_status: 'settled', repaid_amount: 5000, outstanding_amount: 0 });
    expect(received().map((r) => [r.path, r.verified])).toEqual([
      ['/api/v1/webhook/case-settled', true],
      ['/api/v1/webhook/case-recall', true],
      ['/api/v1/webhook/cases/status-update', true],
    ]);
    expect(received()[0].body).toMatchObject({ notify_type: 'case_settled', case_code: 'SIM7_0000003', settlement_date: '2025-11-20', final_repayment_amount: 5000 });
    expect(received()[1].body).toMatchObject({ notify_type: 'case_recall', case_code: 'SIM7_0000004', recall_reason: '客户投诉', recall_notes: '客户已通过其他渠道还款' });
    expect(received()[2].body).toMatchObject({ case_code: 'SIM7_0000005', case_status: 'settled', update_time: expect.any(String) });
  });

  it('a push signed with another secret is what the receiver refuses', async () => {
    const wrong = new PartnerPusher({ baseUrl: platform.url, key: { ...KEY, secret: 'not it' } });
    const answer = await wrong.settleCase('SIM7_0000003');
    expect(answer).toMatchObject({ status: 401, body: { code: 401, data: null } });
    expect(received()[0].verified).toBe(false);
  });
});
