import { callers, codeOf, daysAgo, EXPORT, WorklogsClient } from './support/harness';

/** workLogExportPage: what the files subgraph's export task pages through, as the requesting user. */
let client: WorklogsClient;
const ids: Record<string, string[]> = { alice: [], bob: [], carl: [] };

beforeAll(async () => {
  client = await WorklogsClient.start();
  for (let day = 1; day <= 5; day++) {
    for (const name of ['alice', 'bob', 'carl'] as const) {
      const status = day % 2 ? 'completed' : 'in_progress';
      ids[name].push(await client.create(callers[name], { logDate: daysAgo(day), workContent: `${name} ${day}`, completionStatus: status }));
    }
  }
  await client.create(callers.olga, { logDate: daysAgo(1), workContent: 'olga' });
});
afterAll(() => client.close());

type ExportPage = { workLogExportPage: { total: number; items: Array<{ id: string; employeeId: string; logDate: string }> } };

async function pagesOf(as: keyof typeof callers, filter: Record<string, unknown> | null, first: number) {
  const seen: string[] = [];
  let afterId: string | null = null;
  let total: number;
  for (;;) {
    const page: ExportPage = await client.ok<ExportPage>(callers[as], EXPORT, { filter, afterId, first });
    total = page.workLogExportPage.total;
    if (!page.workLogExportPage.items.length) break;
    expect(page.workLogExportPage.items.length).toBeLessThanOrEqual(first);
    seen.push(...page.workLogExportPage.items.map((i) => i.id));
    afterId = seen[seen.length - 1];
  }
  return { seen, total };
}

const ascending = (list: string[]) => [...list].sort((a, b) => Number(a) - Number(b));

test('an admin pages through every log of the tenant by id ascending; total counts them all', async () => {
  const { seen, total } = await pagesOf('admin', null, 4);
  const all = ascending([...ids.alice, ...ids.bob, ...ids.carl]);
  expect(seen).toEqual(all);
  expect(total).toBe(15);
});

test('the filters are the list\'s: employee, inclusive date range, completion status', async () => {
  const filter = { employeeId: callers.bob.userId, startDate: daysAgo(4), endDate: daysAgo(2), completionStatus: 'in_progress' };
  const { seen, total } = await pagesOf('admin', filter, 1000);
  // days 2 and 4 are in_progress, both inside the inclusive range
  expect(seen).toEqual(ascending([ids.bob[1], ids.bob[3]]));
  expect(total).toBe(2);
});

test('visibility is the list\'s: an employee exports their own, the supervisor their reports\' too', async () => {
  expect((await pagesOf('alice', null, 1000)).seen).toEqual(ascending(ids.alice));
  expect((await pagesOf('mia', null, 2)).seen).toEqual(ascending([...ids.alice, ...ids.bob]));
  // another employee's filter gives an employee nothing, not an error
  expect(await pagesOf('carl', { employeeId: callers.alice.userId }, 1000)).toEqual({ seen: [], total: 0 });
  expect((await pagesOf('olga', null, 1000)).total).toBe(1);
});

test('first defaults to 1000 and must be 1–1000; afterId must be an id', async () => {
  const page = await client.ok<ExportPage>(callers.admin, '{ workLogExportPage { total items { id } } }');
  expect(page.workLogExportPage.items).toHaveLength(15);
  for (const first of [0, 1001]) {
    const result = await client.run(callers.admin, EXPORT, { first });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('first');
  }
  const bad = await client.run(callers.admin, EXPORT, { afterId: 'abc' });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'afterId' });
});
