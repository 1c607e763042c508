import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegistry, runMain } from '@platform/kit';
import { startChild, whileAlive } from '@platform/testkit';
import { loadCasesBenchConfig, serverEnv, type CasesBenchConfig, type Part } from './config';
import { exportWithMemory, json, latency, request, timed, type Api } from './measure';
import { waitForQuiet } from './proc';
import { dropDatabase, seedCases, type SeededOrg } from './seed';
import { seedAppCases } from './seed-app';

/**
 * `npm run bench:cases`: the CCO case routes at scale, through the REST adapter over HTTP, the whole platform in one
 * server process on MariaDB with `--cases` (100,000) cases in tenant DEMO:
 *   list         GET /api/v1/cases (queue, status and overdue filters, page 3): p50/p95, target p95 < 100 ms;
 *   app-list     GET /api/v1/im/cases/my as a collector holding `--app-cases` (2,000) cases (page 3, latest contact and
 *                promise per case, the summary): p50/p95, target p95 < 100 ms;
 *   export       POST /api/v1/reports/cases/export of every case: time, and the server's RSS growth < 200 MB;
 *   auto-assign  POST /api/v1/cases/auto-assign (balanced, the whole queue to a team): target < 10 s;
 *   import       POST /api/v1/cases/import of `--import-size` (10,000) cases in one request: target < 5 s.
 * A route the adapter does not serve (its OpenAPI lacks the path) is reported as not served, not failed.
 */
const TARGETS = { listP95Ms: 100, appListP95Ms: 100, exportGrowthMb: 200, autoAssignMs: 10_000, importMs: 5_000 };
const EXPORT_FIELDS = ['case_code', 'user_name', 'mobile', 'id_number', 'overdue_days', 'loan_amount', 'outstanding_amount', 'case_status', 'queue_name', 'created_at'];

interface Row {
  part: Part;
  figure: string;
  target: string;
  met: boolean | null;
  load: string;
}

runMain(async () => {
  const config = loadCasesBenchConfig();
  const workDir = mkdtempSync(join(tmpdir(), 'bench-cases-'));
  const base = new URL(config.databaseUrl);
  base.pathname = `/benchcases${Date.now()}`;
  const server = startChild({
    name: 'platform',
    script: join(__dirname, 'server.js'),
    ipc: true,
    logPath: join(workDir, 'server.log'),
    env: serverEnv({ DATABASE_URL: base.toString(), DATA_DIR: workDir, HOST: '127.0.0.1', ROUTER_PORT: '0', ADAPTER_PORT: '0', LOG_LEVEL: config.logLevel, REMINDER_POLL_SECONDS: '0' }),
  });
  try {
    const urls = await whileAlive(server, new Promise<{ routerUrl: string; adapterUrl: string }>((resolve) => server.process.once('message', resolve as never)));
    const pid = server.process.pid!;
    const api = await signIn(urls.adapterUrl);
    const tenantId = await tenantOf(urls.routerUrl, api.token);
    const served = await servedPaths(api.adapterUrl);
    const seeded = await timed(() => seedCases(collectionsDatabase(base), tenantId, config));
    console.log(`seeded ${config.cases} cases and ${config.collectors} collectors in tenant ${tenantId} in ${Math.round(seeded.ms)} ms`);

    const rows: Row[] = [];
    for (const part of config.parts) {
      const path = PATHS[part];
      if (!served.has(path)) {
        rows.push({ part, figure: `not served (${path} is not in the adapter\u2019s OpenAPI)`, target: '', met: null, load: '' });
        console.log(`${part}: not served`);
        continue;
      }
      const quiet = await waitForQuiet([pid, process.pid], config.quietWait, config.quietCores);
      const row = await PARTS_RUN[part]({ api, collectionsDb: collectionsDatabase(base), pid, config, org: seeded.result, workDir, tenantId });
      row.load = `${quiet.otherCores} cores (waited ${quiet.waitedSeconds} s)`;
      rows.push(row);
      console.log(`${part}: ${row.figure}`);
    }
    console.log(report(config, rows));
    if (rows.some((r) => r.met === false)) process.exitCode = 1;
  } finally {
    await server.stop();
    for (const { name } of readRegistry()) {
      const db = new URL(base);
      db.pathname = `${base.pathname}_${name}`;
      await dropDatabase(db.toString());
    }
    rmSync(workDir, { recursive: true, force: true });
  }
});

const PATHS: Record<Part, string> = {
  list: '/api/v1/cases',
  'app-list': '/api/v1/im/cases/my',
  export: '/api/v1/reports/cases/export',
  'auto-assign': '/api/v1/cases/auto-assign',
  import: '/api/v1/cases/import',
};

interface PartContext {
  api: Api;
  /** The collections database, for seeding a part's own rows. */
  collectionsDb: string;
  pid: number;
  config: CasesBenchConfig;
  org: SeededOrg;
  workDir: string;
  tenantId: number;
}

const PARTS_RUN: Record<Part, (c: PartContext) => Promise<Row>> = {
  async list({ api, config, org }) {
    const path = `/api/v1/cases?queue_id=${org.queueId}&case_status=pending_repayment&overdue_days_min=10&overdue_days_max=20&page=3&size=20`;
    const l = await latency(config.requests, async () => {
      const body = await json<{ data: { items: unknown[] } }>(await request(api, 'GET', path), 'GET /api/v1/cases');
      if (body.data.items.length !== 20) throw new Error(`GET /api/v1/cases: page 3 held ${body.data.items.length} items, not 20`);
    });
    return {
      part: 'list',
      figure: `p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(1)} ms (${l.requests} requests)`,
      target: `p95 < ${TARGETS.listP95Ms} ms`,
      met: l.p95 < TARGETS.listP95Ms,
      load: '',
    };
  },
  async 'app-list'({ api, collectionsDb, config, org, tenantId }) {
    const app = await appCollector(api, org);
    const seeded = await timed(() => seedAppCases(collectionsDb, tenantId, { ...org, collectorId: app.collectorId, cases: config.appCases }));
    console.log(`seeded ${config.appCases} cases of collector ${app.collectorId} (3 communications and a promise each) in ${Math.round(seeded.ms)} ms`);
    const path = '/api/v1/im/cases/my?page=3&size=20';
    const l = await latency(config.requests, async () => {
      const body = await json<{ data: { total: number; items: unknown[] } }>(await request(app.api, 'GET', path), 'GET /api/v1/im/cases/my');
      if (body.data.items.length !== 20 || body.data.total !== config.appCases) {
        throw new Error(`GET /api/v1/im/cases/my: ${body.data.items.length} items of ${body.data.total}, not 20 of ${config.appCases}`);
      }
    });
    return {
      part: 'app-list',
      figure: `p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(1)} ms (${l.requests} requests, ${config.appCases} cases of one collector)`,
      target: `p95 < ${TARGETS.appListP95Ms} ms`,
      met: l.p95 < TARGETS.appListP95Ms,
      load: '',
    };
  },
  async export({ api, pid, config, workDir }) {
    const e = await exportWithMemory(api, pid, { fields: EXPORT_FIELDS }, join(workDir, 'cases.xlsx'));
    if (e.rows !== config.cases) throw new Error(`export: the file holds ${e.rows} rows, not ${config.cases}`);
    return {
      part: 'export',
      figure:
        `${e.rows} rows × ${EXPORT_FIELDS.length} fields in ${(e.ms / 1000).toFixed(1)} s (${(e.bytes / 1024 / 1024).toFixed(1)} MB); ` +
        `server RSS ${e.rssBeforeMb} → peak ${e.rssPeakMb} → ${e.rssAfterMb} MB, growth ${e.growthMb} MB`,
      target: `growth < ${TARGETS.exportGrowthMb} MB`,
      met: e.growthMb < TARGETS.exportGrowthMb,
      load: '',
    };
  },
  async 'auto-assign'({ api, org }) {
    const t = await timed(async () =>
      json<{ data: { total_cases: number; assigned: number } }>(
        await request(api, 'POST', '/api/v1/cases/auto-assign', { team_id: org.teamId, queue_id: org.queueId, strategy: 'balanced' }),
        'POST /api/v1/cases/auto-assign',
      ),
    );
    const d = t.result.data;
    return {
      part: 'auto-assign',
      figure: `${d.assigned} of ${d.total_cases} cases assigned in ${(t.ms / 1000).toFixed(2)} s`,
      target: `< ${TARGETS.autoAssignMs / 1000} s`,
      met: t.ms < TARGETS.autoAssignMs,
      load: '',
    };
  },
  async import({ api, config, tenantId }) {
    const cases = Array.from({ length: config.importSize }, (_, i) => ({
      case_code: `IMPORT_${String(i).padStart(7, '0')}`,
      user_id: `IU${i}`,
      user_name: `导入客户${i}`,
      mobile: `+63-918-${String(i).padStart(7, '0')}`,
      overdue_days: 1 + (i % 90),
      loan_amount: 5000.0,
      repaid_amount: 1000.0,
      outstanding_amount: 4000.0,
      due_date: '2025-11-05T00:00:00',
      case_status: 'pending_repayment',
    }));
    const t = await timed(async () =>
      json<{ data: { total: number; success: number; failed: number } }>(await request(api, 'POST', '/api/v1/cases/import', { tenant_id: tenantId, cases }), 'POST /api/v1/cases/import'),
    );
    const d = t.result.data;
    return {
      part: 'import',
      figure: `${d.success} of ${d.total} cases imported (${d.failed} failed) in ${(t.ms / 1000).toFixed(2)} s`,
      target: `< ${TARGETS.importMs / 1000} s`,
      met: t.ms < TARGETS.importMs && d.success === config.importSize,
      load: '',
    };
  },
};

async function signIn(adapterUrl: string): Promise<Api> {
  const res = await fetch(`${adapterUrl}/api/v1/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId: 'tenantadmin', password: 'admin123' }),
  });
  const body = await json<{ data: { token: string } }>(res, 'sign-in as tenantadmin');
  return { adapterUrl, token: body.data.token };
}

/** A collector account (created through the admin console) signed in through the app's login, as the app would. */
async function appCollector(admin: Api, org: SeededOrg): Promise<{ api: Api; collectorId: number }> {
  const password = 'bench-app-123';
  const created = await json<{ data: { id: number } }>(
    await request(admin, 'POST', '/api/v1/collectors', {
      agency_id: org.agencyId,
      team_id: org.teamId,
      collector_code: 'BENCH_APP',
      collector_name: '压测催员',
      login_id: 'bench_app_collector',
      password,
      max_case_count: 100_000,
      status: 'active',
      is_active: true,
    }),
    'POST /api/v1/collectors',
  );
  const res = await fetch(`${admin.adapterUrl}/api/v1/im/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId: 'bench_app_collector', password, device_id: 'BENCH' }),
  });
  const body = await json<{ data: { token: string } }>(res, 'POST /api/v1/im/auth/login');
  return { api: { adapterUrl: admin.adapterUrl, token: body.data.token }, collectorId: created.data.id };
}

async function tenantOf(routerUrl: string, token: string): Promise<number> {
  const res = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { tenantId } }' }),
  });
  const body = await json<{ data: { me: { tenantId: string } } }>(res, 'me');
  return Number(body.data.me.tenantId);
}

async function servedPaths(adapterUrl: string): Promise<Set<string>> {
  const doc = await json<{ paths: Record<string, unknown> }>(await fetch(`${adapterUrl}/openapi.json`), 'GET /openapi.json');
  return new Set(Object.keys(doc.paths));
}

function collectionsDatabase(base: URL): string {
  const url = new URL(base);
  url.pathname = `${base.pathname}_collections`;
  return url.toString();
}

function report(config: CasesBenchConfig, rows: Row[]): string {
  const mark = (met: boolean | null) => (met === null ? '—' : met ? 'met' : '**missed**');
  return [
    '',
    `${config.cases} cases in one tenant, MariaDB, ${new Date().toISOString()}`,
    '',
    '| part | measured | target | | other load |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.part} | ${r.figure} | ${r.target} | ${mark(r.met)} | ${r.load} |`),
  ].join('\n');
}
