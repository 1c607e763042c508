import { PLATFORM_START_MS } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { signInAdmin } from '../src/demo/demo-accounts';
import { seedDemoCollections, type DemoSummary } from '../src/demo/demo-collections';
import { throwingErrors, type DemoGraph } from '../src/demo/demo-graph';
import { DEMO_DEFAULTS, parseDemoArgs, type DemoOptions } from '../src/demo/demo-options';
import type { CollectionsRuntime } from '@platform/collections';

const ENV = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:' };

describe('npm run demo (embedded)', () => {
  let platform: Platform;
  let graph: DemoGraph;
  let summary: DemoSummary;
  let token: string;
  const options: DemoOptions = { ...DEMO_DEFAULTS, cases: 120, agencies: 2, teamsPerGroup: 1, collectorsPerTeam: 2, days: 10, tag: 't1' };

  beforeAll(async () => {
    platform = await startPlatform({ env: ENV });
    graph = async <T>(query: string, variables?: Record<string, unknown>, bearer?: string) =>
      throwingErrors<T>(await platform.router.executor.execute({ query, variables, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }));
    const admin = await signInAdmin(graph, options);
    token = admin.token;
    const collections = platform.subgraphs.find((s) => s.name === 'collections') as unknown as CollectionsRuntime;
    summary = await seedDemoCollections(graph, admin, collections.orm.em, options);
  }, PLATFORM_START_MS + 60_000);
  afterAll(() => platform.close());

  it('creates the organisation, identity accounts that are not the walk-through’s, and the work', () => {
    expect(summary).toMatchObject({ agencies: 2, teams: 2, collectors: 4, cases: 120 });
    expect(summary.logins).toHaveLength(6); // 4 collectors and an admin per agency
    expect(summary.logins.filter((l) => /^collector00[1-3]$/.test(l))).toEqual([]);
    expect(summary.communications).toBeGreaterThan(50);
    expect(summary.ptps).toBeGreaterThan(0);
  });

  it('its figures read back through GraphQL as the tenant admin', async () => {
    const data = await graph<{
      dashboardAnalytics: { totalCases: number; communications: number; ptpCount: number; byAgency: Array<{ name: string | null; caseCount: number }> };
      collectorPerformance: { total: number };
    }>('{ dashboardAnalytics { totalCases communications ptpCount byAgency { name caseCount } } collectorPerformance { total } }', {}, token);
    expect(data.dashboardAnalytics.totalCases).toBe(120);
    // the default range is the last 30 days: every communication and promise of the demo's 10 days
    expect(data.dashboardAnalytics.communications).toBe(summary.communications);
    expect(data.dashboardAnalytics.ptpCount).toBe(summary.ptps);
    expect(data.dashboardAnalytics.byAgency.map((a) => a.name).filter(Boolean)).toEqual(['演示机构1 (t1)', '演示机构2 (t1)']);
    expect(data.collectorPerformance.total).toBe(4);
  });

  it('a demo collector signs in with the demo password', async () => {
    const { login } = await graph<{ login: { accessToken: string } }>('mutation ($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { login: summary.logins[1], password: options.userPassword },
    });
    expect(login.accessToken).toEqual(expect.any(String));
  });
});

describe('parseDemoArgs', () => {
  it('reads the documented flags and refuses unknown ones, missing values and out-of-range numbers', () => {
    expect(parseDemoArgs(['--tenant', 'ACME', '--cases', '50', '--agencies', '3'], () => 'ab12')).toMatchObject({ tenant: 'ACME', cases: 50, agencies: 3, tag: 'ab12' });
    expect(() => parseDemoArgs(['--cases', '0'], () => 'x')).toThrow('--cases');
    expect(() => parseDemoArgs(['--bogus', '1'], () => 'x')).toThrow('--bogus');
    expect(() => parseDemoArgs(['--cases'], () => 'x')).toThrow('--cases needs a value');
    expect(() => parseDemoArgs(['--router', 'http://x/graphql'], () => 'x')).toThrow('--collections-db');
    expect(() => parseDemoArgs(['--router', 'http://x/graphql', '--collections-db', 'file:data/collections.db'], () => 'x')).toThrow('MySQL');
    expect(parseDemoArgs(['--router', 'http://x/graphql', '--collections-db', 'mysql://root@db/platform_collections'], () => 'x')).toMatchObject({ router: 'http://x/graphql' });
  });
});
