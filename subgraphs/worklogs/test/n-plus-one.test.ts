import { forkForTenant, SqlCounter } from '@platform/kit';
import { WorkLog } from '@platform/worklogs';
import { callers, daysAgo, WorklogsClient } from './support/harness';

/** A page of logs with their employees' figures costs the same number of SQL statements for 10 rows as for 100. */
const counter = new SqlCounter();
let client: WorklogsClient;

beforeAll(async () => {
  client = await WorklogsClient.start({ sqlCounter: counter });
  // 100 employees' logs (two each), written directly: this test is about reads.
  const em = forkForTenant(client.runtime.orm.em, null);
  for (let i = 0; i < 100; i++) {
    for (const day of [1, 2]) {
      em.create(WorkLog, {
        tenantId: 1,
        employeeId: String(1000 + i),
        logDate: daysAgo(day),
        workContent: `log ${i}/${day}`,
        selfRating: (i % 5) + 1,
        supervisorRating: day === 1 ? 5 : null,
        supervisorId: day === 1 ? callers.admin.userId : null,
      });
    }
  }
  await em.flush();
});
afterAll(() => client.close());

const PAGE = /* GraphQL */ `
  query($n: Int) {
    workLogs(pageSize: $n, filter: { startDate: "${daysAgo(1)}" }) {
      total
      items { id logDate employee { id workLogCount avgSelfRating avgSupervisorRating } supervisor { id } }
    }
  }
`;

async function statementsFor(query: string, variables: Record<string, unknown>) {
  counter.reset();
  const data = await client.ok<{ workLogs: { items: Array<{ employee: { workLogCount: number; avgSupervisorRating: number } }> } }>(callers.admin, query, variables);
  return { count: counter.count, items: data.workLogs.items };
}

test('a page of 100 logs with their employee’s figures: count, page, one grouped figures query', async () => {
  const ten = await statementsFor(PAGE, { n: 10 });
  const hundred = await statementsFor(PAGE, { n: 100 });
  expect(hundred.items).toHaveLength(100);
  expect(hundred.items[0].employee).toMatchObject({ workLogCount: 2, avgSupervisorRating: 5 });
  expect(hundred.count).toBe(ten.count);
  expect(hundred.count).toBe(3);
  expect(counter.statements.filter((s) => /group by/i.test(s))).toHaveLength(1);
});

test('the employee figures of a page of 100 users (the router’s entity fetch) are one statement', async () => {
  const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'User', id: String(1000 + i) }));
  counter.reset();
  const data = await client.ok<{ _entities: Array<{ workLogCount: number; avgSelfRating: number }> }>(
    callers.admin,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { workLogCount avgSelfRating avgSupervisorRating } } }',
    { r: representations },
  );
  expect(data._entities).toHaveLength(100);
  expect(data._entities[3]).toEqual({ workLogCount: 2, avgSelfRating: 4, avgSupervisorRating: 5 });
  expect(counter.count).toBe(1);
});

test('the supervisor’s page adds only the three reads of their reach', async () => {
  counter.reset();
  await client.ok(callers.mia, PAGE, { n: 100 });
  expect(counter.count).toBe(3 + 2);
});
