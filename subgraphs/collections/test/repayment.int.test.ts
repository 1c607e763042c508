import { Decimal, OutboxEvent } from '@platform/kit';
import { applyRepayment, CollectionCase, Repayment } from '@platform/collections';
import { makeCase } from './support/case-fixtures';
import { caseRow, importRows } from './support/cases';
import { CollectionsClient, type OrgFixture } from './support/harness';

// On MariaDB (real row locks and a real unique index): a repayment pushed 20 times at once is applied once, and
// every push answers the first application's result.
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start({}, {}, 'mariadb');
  org = await client.seedOrg();
}, 60_000);
afterAll(() => client?.close());

const REPAY = 'mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { duplicate repayment { id repaymentId outstandingAfter caseStatusAfter ptpStatusAfter } } }';

const appliedTo = async (caseId: number) => {
  const em = client.em();
  const c = await em.findOneOrFail(CollectionCase, caseId);
  const rows = await em.find(Repayment, { caseId });
  const events = await client.runtime.orm.em.fork().find(OutboxEvent, { topic: 'repayment.received' });
  return { repaid: c.repaidAmount.toFixed(2), outstanding: c.outstandingAmount.toFixed(2), status: c.caseStatus, rows: rows.length, events: events.filter((e) => (e.payload as { caseId: number }).caseId === caseId).length };
};

it('20 concurrent recordRepayment calls with one repaymentId: applied once, one answers new and 19 the same result as duplicates', async () => {
  const c = await makeCase(client, { collector: org.collectors.c1, outstanding: '5000.00' });
  const input = { i: { caseId: String(c.id), repaymentId: 'PAY_CONCURRENT', amount: '2000.00' } };
  const results = await Promise.all(Array.from({ length: 20 }, () => client.run(org.callers.c1, REPAY, input)));
  expect(results.filter((r) => r.errors)).toEqual([]);
  const answers = results.map((r) => (r.data as { recordRepayment: { duplicate: boolean; repayment: unknown } }).recordRepayment);
  expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
  const first = answers.find((a) => !a.duplicate)!.repayment;
  expect(first).toMatchObject({ repaymentId: 'PAY_CONCURRENT', outstandingAfter: '3000', caseStatusAfter: 'partial_repayment' });
  for (const answer of answers) expect(answer.repayment).toEqual(first);
  expect(await appliedTo(c.id)).toEqual({ repaid: '2000.00', outstanding: '3000.00', status: 'partial_repayment', rows: 1, events: 1 });
}, 60_000);

it('20 concurrent applyRepayment calls (as partner pushes make them) with one repaymentId: applied once', async () => {
  const c = await makeCase(client, { collector: org.collectors.c2, outstanding: '1000.00' });
  const push = () =>
    applyRepayment(
      client.em(),
      { tenantId: 1, repaymentId: 'PAY_PUSHED', caseId: c.id, amount: new Decimal('1000.00'), date: new Date(), channel: 'bank_transfer', source: 'partner' },
      { caller: null, requestId: 'push' },
    );
  const outcomes = await Promise.all(Array.from({ length: 20 }, push));
  expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1);
  expect(new Set(outcomes.map((o) => o.repayment.id)).size).toBe(1);
  expect(outcomes.every((o) => o.repayment.caseStatusAfter === 'settled' && o.repayment.outstandingAfter?.isZero())).toBe(true);
  expect(await appliedTo(c.id)).toEqual({ repaid: '1000.00', outstanding: '0.00', status: 'settled', rows: 1, events: 1 });
}, 60_000);

it('10 concurrent different repayments on one case all count: the case row lock leaves no lost update', async () => {
  const c = await makeCase(client, { collector: org.collectors.c1, outstanding: '5000.00' });
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => client.run(org.callers.c1, REPAY, { i: { caseId: String(c.id), repaymentId: `PAY_PART_${i}`, amount: '100.01' } })),
  );
  expect(results.filter((r) => r.errors)).toEqual([]);
  expect(await appliedTo(c.id)).toEqual({ repaid: '1000.10', outstanding: '3999.90', status: 'partial_repayment', rows: 10, events: 10 });
  const after = results.map((r) => (r.data as { recordRepayment: { repayment: { outstandingAfter: string } } }).recordRepayment.repayment.outstandingAfter);
  expect(new Set(after).size).toBe(10);
}, 60_000);

// Pushes for different cases run side by side (a core system pushing from several workers): none may deadlock.
it('30 concurrent repayments on 30 different cases are all applied, none refused by a deadlock', async () => {
  const cases = await Promise.all(Array.from({ length: 30 }, () => makeCase(client, { collector: org.collectors.c1, outstanding: '900.00' })));
  const outcomes = await Promise.allSettled(
    cases.map((c, i) =>
      applyRepayment(
        client.em(),
        { tenantId: 1, repaymentId: `PAY_SIDE_${i}`, caseId: c.id, amount: new Decimal('100.00'), date: new Date(), channel: 'bank_transfer', source: 'partner' },
        { caller: null, requestId: `side-${i}` },
      ),
    ),
  );
  expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
  for (const c of cases) expect(await appliedTo(c.id)).toEqual({ repaid: '100.00', outstanding: '800.00', status: 'partial_repayment', rows: 1, events: 1 });
}, 60_000);

it('4 batches of new cases with contacts and repayment history imported at once are all imported, none refused by a deadlock', async () => {
  const batch = (b: number) =>
    Array.from({ length: 150 }, (_, i) =>
      caseRow(`SIDE_${b}_${String(i).padStart(4, '0')}`, {
        contact_phones: [{ phone_number: '+63-917-222-2222', phone_type: 'mobile', contact_name: '陈大明', relationship: 'self', is_primary: true }],
        repayment_history: [{ repayment_id: `HIST_${b}_${i}`, repayment_amount: 1000, repayment_date: '2025-10-01', repayment_channel: 'bank_transfer' }],
      }),
    );
  const results = await Promise.allSettled([1, 2, 3, 4].map((b) => importRows(client, org.callers.tenantAdmin, batch(b))));
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  for (const r of results) expect((r as PromiseFulfilledResult<unknown>).value).toMatchObject({ total: 150, success: 150, failed: 0 });
  expect(await client.em().count(CollectionCase, { caseCode: { $like: 'SIDE_%' } })).toBe(600);
}, 120_000);
