import { Repayment } from '@platform/collections';
import { Decimal } from '@platform/kit';
import { CollectionsClient, type OrgFixture } from './support/harness';
import { promiseOf } from './support/ptp-check-fixture';

// The collector app's lists read a page, its count, its summary (one aggregate) and the cases of the page (one
// statement), however long the page: no statement per promise or repayment.
let client: CollectionsClient;
let org: OrgFixture;
let caseId: number;

beforeAll(async () => {
  client = await CollectionsClient.start({ PTP_CHECK_POLL_MS: '0', OUTBOUND_POLL_MS: '0' });
  org = await client.seedOrg();
  for (let n = 0; n < 60; n++) caseId = (await promiseOf(client, org, (n % 20) + 1)).caseId;
  const em = client.em(null);
  for (let n = 0; n < 40; n++) {
    em.create(Repayment, { tenantId: 1, repaymentId: `SQL_R${n}`, caseId, repaymentAmount: new Decimal(10), repaymentDate: new Date(Date.now() - n * 60_000), source: 'partner', confirmed: n % 4 !== 0 });
  }
  await em.flush();
});
afterAll(() => client.close());

const measure = async <T>(query: string, variables: Record<string, unknown>) => {
  client.sql.reset();
  const data = await client.ok<T>(org.callers.c1, query, variables);
  return { data, count: client.sql.count };
};

it('a page of 50 promises costs what a page of 5 does', async () => {
  const LIST = 'query($size: Int) { myPtps(pageSize: $size) { total items { id caseCode debtorName daysUntilDue } summary { pendingCount totalPromiseAmount } } }';
  type List = { myPtps: { total: number; items: unknown[]; summary: { pendingCount: number; totalPromiseAmount: string } } };
  const five = await measure<List>(LIST, { size: 5 });
  const fifty = await measure<List>(LIST, { size: 50 });
  expect(fifty.data.myPtps.items).toHaveLength(50);
  expect(fifty.data.myPtps.summary.pendingCount).toBe(60);
  expect(Number(fifty.data.myPtps.summary.totalPromiseAmount)).toBe(30000);
  expect(fifty.count).toBe(five.count);
  const DUE = 'query($size: Int) { duePtps(days: 20, pageSize: $size) { total items { id caseCode daysUntilDue } } }';
  expect((await measure(DUE, { size: 50 })).count).toBe((await measure(DUE, { size: 5 })).count);
});

it('a page of 40 repayments costs what a page of 5 does; the total sums the confirmed ones in SQL', async () => {
  const HISTORY = 'query($c: ID!, $size: Int) { caseRepaymentHistory(caseId: $c, pageSize: $size) { total totalRepaidAmount items { id confirmed } } }';
  type History = { caseRepaymentHistory: { total: number; totalRepaidAmount: string; items: unknown[] } };
  const five = await measure<History>(HISTORY, { c: String(caseId), size: 5 });
  const forty = await measure<History>(HISTORY, { c: String(caseId), size: 40 });
  expect(forty.data.caseRepaymentHistory.total).toBe(40);
  expect(Number(forty.data.caseRepaymentHistory.totalRepaidAmount)).toBe(300);
  expect(forty.data.caseRepaymentHistory.items).toHaveLength(40);
  expect(forty.count).toBe(five.count);
});
