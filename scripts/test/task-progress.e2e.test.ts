import { createTokenSigner, forkForTenant } from '@platform/kit';
import { ExportTask, registerExportKind, type FilesRuntime } from '@platform/files';
import { holdSubscription, PLATFORM_START_MS, type HeldSubscription } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { login, wsUrl } from './support';

// An export whose first page waits for the test, so the subscribers are in place before anything moves.
let release!: () => void;
const gate = new Promise<void>((resolve) => (release = resolve));
registerExportKind({
  name: 'gatedUsers',
  fileStem: 'users',
  sheetName: 'Users',
  maxPageSize: 1,
  async fetchPage(run, _filter, cursor, pageSize) {
    await gate;
    const data = await run('query($p: Int, $s: Int) { users(page: $p, pageSize: $s, sortBy: createdAt, sortOrder: asc) { total items { id username } } }', {
      p: cursor.page,
      s: pageSize,
    });
    return data.users as { total: number; items: Record<string, unknown>[] };
  },
  columns: [{ header: 'Username', key: 'username', value: (u) => u.username as string }],
});

const PROGRESS = (id: string) => `subscription { taskProgress(taskId: "${id}") { id status progress fileName } }`;

describe('taskProgress through the router (embedded platform, graphql-ws)', () => {
  let platform: Platform;
  let routerUrl: string;
  const held: HeldSubscription[] = [];
  beforeAll(async () => {
    platform = await startPlatform({ env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ROUTER_PORT: '0', ADAPTER_PORT: '0' } });
    ({ routerUrl } = await platform.listen());
  }, PLATFORM_START_MS);
  afterAll(async () => {
    await Promise.all(held.map((h) => h.dispose()));
    await platform?.close();
  });

  it('the requester sees the task advance to completed; another user of the tenant sees nothing', async () => {
    const admin = await login(routerUrl, 'admin', 'Admin123456');
    const other = await login(routerUrl, 'tenantadmin', 'admin123');
    const requester = createTokenSigner(platform.config.JWT_SECRET).verifyAccess(admin.token);
    const files = platform.subgraphs.find((s) => s.name === 'files') as FilesRuntime;
    const em = forkForTenant(files.orm.em, null);
    const task = em.create(ExportTask, { tenantId: Number(requester.tenantId), ownerId: requester.userId, kind: 'gatedUsers', filter: {}, requester });
    await em.flush();
    await files.services.exports.enqueue(task.id);

    const own = holdSubscription(wsUrl(routerUrl), admin.token, PROGRESS(task.id));
    const foreign = holdSubscription(wsUrl(routerUrl), other.token, PROGRESS(task.id));
    held.push(own, foreign);
    await Promise.all([own.connected, foreign.connected]);
    await new Promise((r) => setTimeout(r, 300)); // the router's upstream subscriptions to files
    release();

    const deadline = Date.now() + 20_000;
    const last = () => own.events.at(-1)?.data?.taskProgress as { status: string } | undefined;
    while (last()?.status !== 'completed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const steps = own.events.map((e) => e.data?.taskProgress as { status: string; progress: number; fileName: string | null });
    expect(steps.at(-1)).toMatchObject({ status: 'completed', progress: 100, fileName: expect.stringMatching(/^users_\d{8}_/) });
    expect(steps.length).toBeGreaterThanOrEqual(3); // one page a user: progress moves in steps
    expect(steps.every((s) => s.progress >= 0 && s.progress <= 100)).toBe(true);
    expect(foreign.events).toEqual([]);
  }, 60_000);
});
