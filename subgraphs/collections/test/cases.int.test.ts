import { cpus, loadavg } from 'node:os';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { CollectionCase } from '@platform/collections';
import { Decimal } from '@platform/kit';
import { caseWhere } from '../src/modules/cases/services/case-query.service';
import type { CaseFilter } from '../src/modules/cases/resolvers/case.inputs';
import { CollectionsClient, type OrgFixture } from './support/harness';
import { caseRow, importRows } from './support/cases';

/**
 * The cases module on MariaDB at scale: a 10,000-case import in one request (batched upserts, one transaction) and the
 * admin list's common filters over 100,000 cases answered through indexes (EXPLAIN shows no full table scan).
 */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start({}, {}, 'mariadb');
  org = await client.seedOrg();
}, 60_000);
afterAll(() => client.close());

const N = 10_000;
const rows = (suffix: string) =>
  Array.from({ length: N }, (_, i) =>
    caseRow(`BULK_${String(i).padStart(5, '0')}`, {
      user_name: `客户${i}`,
      mobile: `+63-917-${String(1000000 + i).slice(1, 4)}-${String(1000000 + i).slice(3)}`,
      overdue_days: (i % 90) + 1,
      outstanding_amount: `${4000 + (i % 100)}.${suffix}`,
      contact_phones: [
        { phone_number: '+63-917-111-1111', contact_name: '本人', is_primary: true },
        { phone_number: '+63-917-222-2222', contact_name: '紧急联系人', relationship: '亲属' },
      ],
      repayment_history: [{ repayment_id: `PAY_${i}`, repayment_date: '2025-10-15', repayment_amount: 1000 }],
    }),
  );

it('imports 10,000 cases with contacts and repayments in one request in seconds, and again as updates', async () => {
  const batch = rows('25');
  client.sql.reset();
  let started = Date.now();
  const first = await importRows(client, org.callers.tenantAdmin, batch);
  const insertMs = Date.now() - started;
  const insertStatements = client.sql.count;
  expect(first).toMatchObject({ total: N, success: N, failed: 0 });

  client.sql.reset();
  started = Date.now();
  const again = await importRows(client, org.callers.tenantAdmin, rows('75'));
  const updateMs = Date.now() - started;
  const updateStatements = client.sql.count;
  expect(again).toMatchObject({ total: N, success: N, failed: 0 });
  console.log(
    `cases import on MariaDB: ${N} new cases in ${insertMs} ms (${insertStatements} statements), ${N} updates in ${updateMs} ms ` +
      `(${updateStatements} statements); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`,
  );
  // Batched, not row by row: per 1,000 rows one case upsert, one id read, one read of the contacts there, one contacts
  // delete (by primary key, only when there are some) + insert, one repayments insert (50–60 for 10,000); plus the
  // transaction, the queues, the event (66 measured new, 78 as updates).
  expect(insertStatements).toBeLessThanOrEqual(70);
  expect(updateStatements).toBeLessThanOrEqual(80);

  const [counts] = await client.em(null).getConnection().execute(
    `select (select count(*) from collection_case) cases, (select count(*) from case_contact) contacts,
            (select count(*) from repayment) repayments, (select sum(outstanding_amount) from collection_case) cents`,
  );
  expect(counts).toMatchObject({ cases: N, contacts: 2 * N, repayments: N });
  // every amount exact: 10,000 × 4000.75 + 100 × (0+…+99) × 1.00
  expect(String(counts.cents)).toBe(String(N * 400075 + 100 * 4950 * 100));
  // Seconds on an idle machine; the bound leaves room for a shared, loaded one (measured figures in the log line).
  expect(insertMs).toBeLessThan(90_000);
  expect(updateMs).toBeLessThan(90_000);
}, 300_000);

it('lists 100,000 cases through indexes for the common filters', async () => {
  const conn = client.em(null).getConnection();
  // 10 × the 10,000 imported cases, spread over the organisation's collectors.
  for (let k = 1; k < 10; k++) {
    await conn.execute(
      `insert into collection_case (tenant_id, case_code, customer_id, user_name, mobile, loan_amount, due_date, repaid_amount,
         outstanding_amount, overdue_days, case_status, case_priority, case_tags, custom_fields, queue_id, created_at, updated_at)
       select tenant_id, concat(case_code, '_${k}'), customer_id, concat(user_name, '_${k}'), mobile, loan_amount, due_date, repaid_amount,
         outstanding_amount, overdue_days, case_status, case_priority, case_tags, custom_fields, queue_id, created_at, updated_at
       from collection_case where case_code like 'BULK\\_%' and case_code not like '%\\_%\\_%'`,
    );
  }
  const c = org.collectors;
  await conn.execute(`update collection_case set agency_id = ${c.c1.agencyId}, team_group_id = ${c.c1.teamGroupId}, team_id = ${c.c1.teamId}, collector_id = ${c.c1.id} where id % 4 = 0`);
  await conn.execute(`update collection_case set agency_id = ${c.c4.agencyId}, team_id = ${c.c4.teamId}, collector_id = ${c.c4.id}, case_status = 'partial_repayment' where id % 4 = 1`);
  await conn.execute('analyze table collection_case');
  const [{ n }] = await conn.execute('select count(*) n from collection_case');
  expect(Number(n)).toBe(100_000);

  const LIST = 'query ($filter: CaseFilter, $sort: CaseSort) { cases(filter: $filter, sort: $sort) { total items { id caseCode queueName collectorName } } }';
  const filters: Array<[string, Record<string, unknown> | undefined, Record<string, unknown>?]> = [
    ['none (newest first)', undefined],
    ['collector', { collectorId: String(c.c1.id) }],
    ['agency + status', { agencyId: String(c.c4.agencyId), caseStatus: ['partial_repayment'] }],
    ['queue', { queueId: String(org.queues.M2.id) }],
    ['overdue days 10–30', { overdueDays: { min: 10, max: 30 } }],
    ['keyword case code', { search: 'BULK_0123' }],
    ['keyword name', { search: '客户77' }],
    ['keyword mobile', { search: '+63-917-001' }],
    ['outstanding ≥ 4090, by amount', { outstandingAmount: { min: '4090' } }, { field: 'outstanding_amount', order: 'desc' }],
  ];
  // GraphQL turns the amounts into decimals before the where is built.
  const asFilter = (f?: Record<string, unknown>) =>
    (f?.outstandingAmount ? { ...f, outstandingAmount: { min: new Decimal((f.outstandingAmount as { min: string }).min) } } : f) as CaseFilter;
  for (const [name, filter, sort] of filters) {
    client.sql.reset();
    const started = Date.now();
    const res = await client.ok<{ cases: { total: number; items: unknown[] } }>(org.callers.tenantAdmin, LIST, { filter, sort });
    const ms = Date.now() - started;
    // The page's statement as the list builds it (its conditions from caseWhere; a tenant admin's scope is the tenant).
    const order = sort ? { [sort.field === 'outstanding_amount' ? 'outstandingAmount' : 'id']: 'desc', id: 'desc' } : { id: 'desc' };
    const qb = (client.em(null) as SqlEntityManager).createQueryBuilder(CollectionCase, 'c0')
      .where({ $and: [{ tenantId: 1 }, caseWhere(asFilter(filter))] } as never).orderBy(order as never).limit(10);
    const plan = (await conn.execute(`explain ${qb.getFormattedQuery()}`)) as Array<{ table: string; type: string; key: string | null; rows: number }>;
    const scan = plan.filter((p) => p.type === 'ALL');
    console.log(`cases list on 100,000: ${name}: total ${res.cases.total}, ${ms} ms; plan ${plan.map((p) => `${p.type}/${p.key}/${p.rows}`).join(', ')}`);
    expect(res.cases.items.length).toBeGreaterThan(0);
    expect(scan).toEqual([]);
  }
}, 180_000);
