import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { dropDatabases, uniqueDatabaseUrl } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { collect, gql, login, SEND, wsClient } from './support';

// Issue 6.1 on MariaDB + Redis: activity learns identity's users from identity's events (Redis Streams) and
// refuses a notice to a user of another tenant or to no user at all, as every cross-tenant reference is refused.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const databaseUrl = uniqueDatabaseUrl('notice_tenants');
const prefix = `test:${randomBytes(4).toString('hex')}:`;
const env = (): NodeJS.ProcessEnv => ({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  EVENT_BUS_PREFIX: prefix,
  RATE_LIMIT_PREFIX: `${prefix}rest`,
  ROUTER_PORT: '0',
  ADAPTER_PORT: '0',
});

let platform: Platform;
let url: string;
beforeAll(async () => {
  platform = await startPlatform({ env: env() });
  url = (await platform.listen()).routerUrl;
}, 60_000);
afterAll(async () => {
  await platform?.close();
  await dropDatabases(databaseUrl);
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const CREATE_TENANT = `mutation($i: TenantInput!) { createTenant(input: $i) { id } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
const MINE = `{ myNotifications { total } }`;

/** The router's answer once activity has learnt of the user (events travel asynchronously). */
async function sendWhenKnown(variables: Record<string, unknown>, token: string) {
  for (let i = 0; ; i++) {
    const answer = await gql(url, SEND, variables, token);
    if (answer.errors?.[0]?.extensions?.code !== 'NOT_FOUND' || i === 100) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("a tenant admin's notice to another tenant's user is NOT_FOUND, stored nowhere and delivered to no one", async () => {
  const superadmin = await login(url, 'superadmin', '123456');
  const tenant = (await gql(url, CREATE_TENANT, { i: { code: `T${randomBytes(3).toString('hex')}`, name: 'Other' } }, superadmin.token))
    .data!.createTenant as { id: string };
  const user = { username: `olga_${randomBytes(3).toString('hex')}`, password: 'secret1', tenantId: tenant.id, roleCode: 'user' };
  const created = await gql(url, CREATE_USER, { i: user }, superadmin.token);
  expect(created.errors).toBeUndefined();
  const outsider = await login(url, user.username, user.password);

  // The platform admin may reach the outsider in their own tenant: proof activity knows the user.
  const reached = await sendWhenKnown({ i: { recipientId: outsider.id, title: 'Welcome', body: 'b', tenantId: tenant.id } }, superadmin.token);
  expect(reached.errors).toBeUndefined();

  const outsiderSocket = wsClient(url, outsider.token);
  const live = collect(outsiderSocket, 'subscription { notificationReceived { title } }');
  try {
    await new Promise((r) => setTimeout(r, 300)); // the Redis subscription is live
    const demoAdmin = await login(url, 'admin', 'Admin123456');
    const across = await gql(url, SEND, { i: { recipientId: outsider.id, title: 'Cross', body: 'b' } }, demoAdmin.token);
    expect(across.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const missing = await gql(url, SEND, { i: { recipientId: '999999', title: 'Nobody', body: 'b' } }, demoAdmin.token);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    await expect(live.next(500)).rejects.toThrow(/no event/);
    expect((await gql(url, MINE, {}, outsider.token)).data).toEqual({ myNotifications: { total: 1 } });
  } finally {
    live.dispose();
    await outsiderSocket.dispose();
  }
});
