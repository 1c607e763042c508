import { callers, codeOf, CREATE, daysAgo, EXPORT, LIST, RATE, WorklogsClient } from './support/harness';

// The same subgraph on a MariaDB database of its own: the unique day, the figures' averages and the date filters as
// MariaDB computes them.
let client: WorklogsClient;
beforeAll(async () => {
  client = await WorklogsClient.start(undefined, 'mariadb');
}, 60_000);
afterAll(() => client?.close());

test('two concurrent logs of one day: one is written, the other is CONFLICT', async () => {
  const input = { logDate: daysAgo(1), workContent: 'race' };
  const results = await Promise.all([client.run(callers.alice, CREATE, { input }), client.run(callers.alice, CREATE, { input })]);
  expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
  const list = await client.ok<{ workLogs: { total: number } }>(callers.alice, LIST, { filter: { startDate: daysAgo(1), endDate: daysAgo(1) } });
  expect(list.workLogs.total).toBe(1);
});

test('filters, rating and the employee figures (averages rounded by the database)', async () => {
  const ids: string[] = [];
  for (const [day, selfRating] of [[2, 3], [3, 4], [4, 4]] as const) {
    ids.push(await client.create(callers.bob, { logDate: daysAgo(day), workContent: `day ${day}`, selfRating, completionStatus: 'in_progress' }));
  }
  await client.ok(callers.mia, RATE, { id: ids[0], input: { supervisorRating: 5 } });
  await client.ok(callers.admin, RATE, { id: ids[1], input: { supervisorRating: 4 } });

  const ranged = await client.ok<{ workLogs: { items: Array<{ logDate: string }> } }>(callers.mia, LIST, {
    filter: { employeeId: callers.bob.userId, startDate: daysAgo(3), endDate: daysAgo(2), completionStatus: 'in_progress' },
  });
  expect(ranged.workLogs.items.map((i) => i.logDate)).toEqual([daysAgo(2), daysAgo(3)]);

  const figures = await client.ok<{ _entities: unknown[] }>(
    callers.admin,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { workLogCount avgSelfRating avgSupervisorRating } } }',
    { r: [{ __typename: 'User', id: callers.bob.userId }, { __typename: 'User', id: callers.carl.userId }] },
  );
  expect(figures._entities).toEqual([
    { workLogCount: 3, avgSelfRating: 3.67, avgSupervisorRating: 4.5 },
    { workLogCount: 0, avgSelfRating: null, avgSupervisorRating: null },
  ]);

  const page = await client.ok<{ workLogExportPage: { total: number; items: Array<{ id: string }> } }>(callers.admin, EXPORT, {
    filter: { employeeId: callers.bob.userId },
    afterId: ids[0],
    first: 1,
  });
  expect(page.workLogExportPage).toEqual({ total: 3, items: [{ id: ids[1], employeeId: callers.bob.userId, logDate: daysAgo(3) }] });
});
