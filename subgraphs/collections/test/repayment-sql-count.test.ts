import { applyRepayment, CollectionCase, Ptp } from '@platform/collections';
import { Decimal } from '@platform/kit';
import { makeCases } from './support/assignment-fixtures';
import { CollectionsClient, TENANT, type OrgFixture } from './support/harness';

// A partner repayment is the platform's hottest write (50 a second in bench:partner): its statements are pinned.
let client: CollectionsClient;
let org: OrgFixture;

beforeAll(async () => {
  client = await CollectionsClient.start({ PTP_CHECK_POLL_MS: '0', OUTBOUND_POLL_MS: '0' });
  org = await client.seedOrg();
});
afterAll(() => client.close());

const apply = (caseCode: string, repaymentId: string) =>
  applyRepayment(client.em(TENANT), { tenantId: Number(TENANT), repaymentId, caseCode, amount: new Decimal(100), date: new Date(), source: 'partner' });

it('by case code: the case read once (under its lock), the id claimed, then one flush for the case, its promise, the row and the events', async () => {
  const collector = org.collectors.c1;
  const [kase] = await makeCases(client, 1, { collectorId: collector.id, agencyId: collector.agencyId, teamId: collector.teamId });
  const em = client.em(null);
  em.create(Ptp, { tenantId: 1, caseId: kase.id, collectorId: collector.id, promiseAmount: new Decimal(300), promiseDate: '2030-01-01' });
  await em.flush();

  client.sql.reset();
  const outcome = await apply(kase.caseCode, 'SQL_COUNT_1');
  const statements = client.sql.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 60));
  expect(outcome).toMatchObject({ duplicate: false, appliedTo: { id: kase.id } });
  expect(statements.filter((s) => /from [`"]?collection_case/.test(s))).toHaveLength(1);
  // begin; reads: the case, the repayment id, the settings, the open promise, the collector; the row inserted (its
  // id claimed); then one flush: the events (one insert), the promise, the row, the case; commit.
  expect(client.sql.count).toBe(12);
  const settled = await client.em(null).findOneOrFail(CollectionCase, { id: kase.id });
  expect(settled.outstandingAmount.toFixed(2)).toBe('4900.00');
  expect((await client.em(null).findOneOrFail(Ptp, { caseId: kase.id })).promiseStatus).toBe('partially_kept');

  // A repeated id: the locked case read, the id found, nothing written.
  client.sql.reset();
  expect(await apply(kase.caseCode, 'SQL_COUNT_1')).toMatchObject({ duplicate: true });
  expect(client.sql.statements.filter((s) => /^\s*(insert|update)/i.test(s))).toEqual([]);
});
