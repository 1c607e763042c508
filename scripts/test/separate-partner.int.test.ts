import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { overdueCaseBatch, PartnerPusher, simulatedCaseCode } from '@platform/simulator';
import { composeSupergraph, dropDatabases, freePort, startChild, uniqueDatabaseUrl, waitForOk, whileAlive, type Child } from '@platform/testkit';

const ROOT = resolve(__dirname, '../..');
const SEED = 4242;

/**
 * Partner pushes as docker-compose deploys the platform: identity, collections, the router and the REST adapter each
 * a process of its own from its dist entry (run `npm run build` first), on MariaDB + Redis. Pinned regressions:
 * collections verifies a push's signature with identity through the router, which as its own process it reaches
 * at ROUTER_URL (it had no way to, and refused every push); and a batch of 1,000 cases (over a megabyte, carried
 * raw and parsed) passes the router and the subgraph, whose request bodies were capped at Fastify's 1 MiB.
 */
describe('partner pushes with every service a process of its own (MariaDB + Redis)', () => {
  const databaseUrl = uniqueDatabaseUrl('separate_partner_int');
  const logDir = mkdtempSync(join(tmpdir(), 'separate-partner-'));
  const started: Child[] = [];
  let adapterUrl: string;
  let pusher: PartnerPusher;

  const databaseOf = (name: string) => {
    const url = new URL(databaseUrl);
    url.pathname = `${url.pathname}_${name}`;
    return url.toString();
  };
  const shared = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    EVENT_BUS_PREFIX: `separate-${randomBytes(4).toString('hex')}:`,
    RATE_LIMIT_PREFIX: `separate-${randomBytes(4).toString('hex')}`,
    STORAGE_DIR: join(logDir, 'files'),
  };
  const start = async (name: string, script: string, port: number, env: Record<string, string>, readyPath: string) => {
    const child = startChild({ name, script: join(ROOT, script), logPath: join(logDir, `${name}.log`), env: { ...shared, ...env, PORT: String(port) } });
    started.push(child);
    await whileAlive(child, waitForOk(`http://127.0.0.1:${port}${readyPath}`, 120_000));
  };

  beforeAll(async () => {
    const [identityPort, collectionsPort, routerPort, adapterPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const routerUrl = `http://127.0.0.1:${routerPort}/graphql`;
    await start('identity', 'subgraphs/identity/dist/main.js', identityPort, { DATABASE_URL: databaseOf('identity') }, '/health');
    await start('collections', 'subgraphs/collections/dist/main.js', collectionsPort, { DATABASE_URL: databaseOf('collections'), ROUTER_URL: routerUrl }, '/health');
    const supergraphPath = join(logDir, 'supergraph.graphql');
    const sdl = (name: string) => ({ name, sdl: readFileSync(join(ROOT, `schema/${name}.graphql`), 'utf8') });
    writeFileSync(supergraphPath, composeSupergraph([sdl('identity'), sdl('collections')]));
    const subgraphUrls = `identity=http://127.0.0.1:${identityPort}/graphql,collections=http://127.0.0.1:${collectionsPort}/graphql`;
    await start('router', 'router/dist/main.js', routerPort, { HOST: '127.0.0.1', SUPERGRAPH_PATH: supergraphPath, SUBGRAPH_URLS: subgraphUrls }, '/ready');
    // The adapter checks its operations against the whole committed supergraph; these routes need only the two.
    await start('adapter', 'rest-adapter/dist/main.js', adapterPort, { HOST: '127.0.0.1', ROUTER_URL: routerUrl }, '/health');
    adapterUrl = `http://127.0.0.1:${adapterPort}`;
    pusher = new PartnerPusher({ baseUrl: adapterUrl, key: { ...(await issueKey(adapterUrl)), tenantCode: 'DEMO' } });
  }, 300_000);

  afterAll(async () => {
    for (const child of started.reverse()) await child.stop();
    await dropDatabases(databaseUrl);
  }, 60_000);

  it('imports a batch of 1,000 cases larger than a megabyte', async () => {
    const options = { seed: SEED, first: 1, count: 1000, batchNo: `SEP_${SEED}` };
    expect(JSON.stringify(overdueCaseBatch({ ...options, timeZone: pusher.timeZone })).length).toBeGreaterThan(1024 * 1024);
    const { answer } = await pusher.pushCases(options);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: 200, data: { total: 1000, success: 1000, failed: 0 } });
  }, 120_000);

  it('applies a repayment pushed for one of them, its signature verified by identity through the router', async () => {
    const caseCode = simulatedCaseCode(SEED, 1);
    const answer = await pusher.pushRepayment(pusher.repayment(caseCode, `SEP_PAY_${SEED}`, 150));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: 200, data: { repayment_id: `SEP_PAY_${SEED}`, case_code: caseCode } });

    const forged = new PartnerPusher({ baseUrl: adapterUrl, key: { apiKey: 'ak_unknown', secret: 'nothing', tenantCode: 'DEMO' } });
    expect((await forged.pushRepayment(forged.repayment(caseCode, `SEP_FORGED_${SEED}`, 150))).status).toBe(401);
  }, 60_000);
});

/** A key of tenant DEMO, issued by the seeded super admin through the admin routes (the secret is shown once). */
async function issueKey(adapterUrl: string): Promise<{ apiKey: string; secret: string }> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${adapterUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<{ data: Record<string, unknown> }>);
  const token = String((await post('/api/v1/admin/auth/login', { loginId: 'superadmin', password: '123456' })).data.token);
  const tenants = (await fetch(`${adapterUrl}/api/v1/tenants`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())) as {
    data: { items: Array<{ id: number; tenant_code: string }> };
  };
  const tenantId = tenants.data.items.find((t) => t.tenant_code === 'DEMO')!.id;
  const key = (await post(`/api/v1/tenants/${tenantId}/api-credentials`, { name: 'separate-process core system' }, token)).data;
  return { apiKey: String(key.api_key), secret: String(key.api_secret) };
}
