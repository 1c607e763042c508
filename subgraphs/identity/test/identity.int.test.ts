import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createOrm, forkForTenant, RedisRevocationList, SqlCounter } from '@platform/kit';
import { ApiCredential, identity, IDENTITY_ENTITIES, loadIdentityConfig, Position, User, UserRole, Role } from '../src';
import { errorOf, LOGIN, startIdentity, type Harness } from './support/harness';
import { ADMIN, createAccount, ME, SUPER_ADMIN, unique } from './support/fixtures';

/** The core flows on real MariaDB + Redis: a database of its own, created here and dropped afterwards. */
const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
server.pathname = `/identity_test_${randomBytes(4).toString('hex')}`;
const DATABASE_URL = server.toString();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const counter = new SqlCounter();
let h: Harness;
let redis: Redis;
let adminToken: string;

beforeAll(async () => {
  h = await startIdentity({ DATABASE_URL, REDIS_URL }, { sqlCounter: counter });
  redis = new Redis(REDIS_URL);
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
}, 60_000);

afterAll(async () => {
  await h?.runtime.orm.schema.dropDatabase();
  await h?.close();
  await redis?.quit();
});

const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;

test('the seeded accounts sign in by username or e-mail; health is green', async () => {
  expect((await h.login('admin@example.com', 'Admin123456')).user.username).toBe('admin');
  expect((await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).user.username).toBe('superadmin');
  expect(errorOf(await h.exec(LOGIN, { input: { login: 'admin', password: 'wrong-one' } })).code).toBe('INVALID_CREDENTIALS');
  expect(await h.runtime.health()).toEqual({ database: 'healthy', redis: 'healthy' });
});

test('logout is refused by every verifier that shares Redis (another instance, the router)', async () => {
  const login = await h.login(ADMIN.login, ADMIN.password);
  const sessionId = h.runtime.services.signer.verifyAccess(login.accessToken).sessionId;
  const elsewhere = new RedisRevocationList(redis);
  expect(await elsewhere.isRevoked(sessionId)).toBe(false);
  await h.data(`mutation { logout }`, {}, login.accessToken);
  expect(await elsewhere.isRevoked(sessionId)).toBe(true);
  expect(await redis.ttl(`platform:revoked-session:${sessionId}`)).toBeGreaterThan(86_000);
  expect(errorOf(await h.exec(ME, {}, login.accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
});

test('refresh rotates; reuse revokes the session', async () => {
  const login = await h.login(ADMIN.login, ADMIN.password);
  const rotated = (await h.data(REFRESH, { t: login.refreshToken })).refreshToken;
  expect((await h.data(ME, {}, rotated.accessToken)).me.username).toBe('admin');
  expect(errorOf(await h.exec(REFRESH, { t: login.refreshToken }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });
  expect(errorOf(await h.exec(ME, {}, rotated.accessToken)).code).toBe('UNAUTHENTICATED');
  expect(errorOf(await h.exec(REFRESH, { t: rotated.refreshToken })).code).toBe('UNAUTHENTICATED');
});

test('device limit on MariaDB: two new devices racing for the last slot, one wins; force signs the oldest out everywhere', async () => {
  const collector = await createAccount(h, adminToken, { roleCode: 'collector' });
  const appLogin = (deviceId: string, force = false) =>
    h.exec(LOGIN, { input: { login: collector.username, password: collector.password, channel: 'APP', device: { deviceId }, force } });
  const first = await h.login(collector.username, collector.password, 'APP', 'dev-1');
  await h.login(collector.username, collector.password, 'APP', 'dev-2');

  const race = await Promise.all([appLogin('dev-3'), appLogin('dev-4')]);
  expect(race.filter((r) => !r.errors)).toHaveLength(1);
  expect(errorOf(race.find((r) => r.errors)!)).toMatchObject({ code: 'CONFLICT', reason: 'DEVICE_LIMIT' });
  const devices = (await h.data(`{ myDevices { deviceId } }`, {}, first.accessToken)).myDevices;
  expect(devices).toHaveLength(3);

  const forced = await appLogin('dev-5', true);
  expect(forced.errors).toBeUndefined();
  const sessionId = h.runtime.services.signer.verifyAccess(first.accessToken).sessionId;
  expect(await new RedisRevocationList(redis).isRevoked(sessionId)).toBe(true);
  expect(errorOf(await h.exec(ME, {}, first.accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
});

test('employees, positions and roles: create, conflict, tree rules', async () => {
  const ceo = (await h.data(`mutation { createPosition(input: { name: "CEO", code: "ceo", level: 1 }) { id } }`, {}, adminToken)).createPosition;
  const dev = (await h.data(`mutation($p: ID) { createPosition(input: { name: "Dev", code: "dev", level: 2, parentId: $p }) { id fullPath } }`, { p: ceo.id }, adminToken))
    .createPosition;
  expect(dev.fullPath).toBe('CEO > Dev');
  const employee = await createAccount(h, adminToken, { positionId: dev.id, roleCode: 'sales', email: `${unique('e')}@example.com` });
  expect(errorOf(await h.exec(`mutation { createUser(input: { username: "${employee.username}", password: "secret123" }) { id } }`, {}, adminToken)).code).toBe(
    'CONFLICT',
  );
  expect(errorOf(await h.exec(`mutation($id: ID!) { deletePosition(id: $id) }`, { id: dev.id }, adminToken)).code).toBe('BUSINESS_RULE');
  expect(errorOf(await h.exec(`mutation($id: ID!, $p: ID) { movePosition(id: $id, newParentId: $p) { id } }`, { id: ceo.id, p: dev.id }, adminToken)).code).toBe(
    'BUSINESS_RULE',
  );
  const token = (await h.login(employee.username, employee.password)).accessToken;
  expect((await h.data(`{ me { position { name } role { code } } }`, {}, token)).me).toEqual({ position: { name: 'Dev' }, role: { code: 'sales' } });
});

test('a DEMO admin cannot read another tenant’s user (NOT_FOUND)', async () => {
  const superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
  const tenant = (await h.data(`mutation { createTenant(input: { code: "OTHER", name: "Other" }) { id } }`, {}, superToken)).createTenant;
  const theirs = await createAccount(h, superToken, { tenantId: tenant.id });
  expect(errorOf(await h.exec(`query($id: ID!) { user(id: $id) { id } }`, { id: theirs.id }, adminToken)).code).toBe('NOT_FOUND');
  expect((await h.data(`query($id: ID!) { user(id: $id) { username } }`, { id: theirs.id }, superToken)).user.username).toBe(theirs.username);
});

test('listing 100 employees costs as many statements as listing 10', async () => {
  const em = forkForTenant(h.runtime.orm.em, null);
  const position = await em.findOneOrFail(Position, { code: 'ceo' });
  const role = await em.findOneOrFail(Role, { code: 'user', tenantId: position.tenantId });
  for (let i = 0; i < 100; i++) {
    const user = em.create(User, { tenantId: position.tenantId, username: `bulk-${i}`, passwordHash: 'x', positionId: position.id });
    await em.flush();
    em.create(UserRole, { tenantId: position.tenantId, userId: user.id, roleId: role.id });
  }
  await em.flush();
  const query = `query($n: Int) { users(pageSize: $n, filter: { search: "bulk-" }) { items { username position { name } role { name } } } }`;
  counter.reset();
  await h.data(query, { n: 10 }, adminToken);
  const ten = counter.count;
  counter.reset();
  const hundred = (await h.data(query, { n: 100 }, adminToken)).users.items;
  expect(hundred).toHaveLength(100);
  expect(counter.count).toBe(ten);
  expect(ten).toBeLessThanOrEqual(6);
});

test('an API secret is stored encrypted and shown once', async () => {
  const demo = (await h.data(`{ me { tenantId } }`, {}, adminToken)).me.tenantId;
  const issued = (await h.data(`mutation($t: ID!) { issueApiCredential(tenantId: $t) { apiSecret credential { id } } }`, { t: demo }, adminToken))
    .issueApiCredential;
  const row = await forkForTenant(h.runtime.orm.em, null).findOneOrFail(ApiCredential, Number(issued.credential.id), {
    populate: ['secretCiphertext'],
  });
  expect(row.secretCiphertext).not.toContain(issued.apiSecret);
  expect(h.runtime.services.cipher.decrypt(row.secretCiphertext)).toBe(issued.apiSecret);
});

test('the committed MariaDB migrations build exactly the entities’ schema', async () => {
  // Diffed through the MariaDB driver whatever DATABASE_URL's scheme: MikroORM's MySQL driver misreads MariaDB's
  // JSON columns and string defaults and proposes changes forever.
  const orm = await createOrm({ entities: IDENTITY_ENTITIES, databaseUrl: DATABASE_URL.replace(/^mysql:/, 'mariadb:') });
  try {
    expect(await orm.schema.getUpdateSchemaSQL()).toBe('');
  } finally {
    await orm.close();
  }
});

test('a restart on the same database seeds nothing twice', async () => {
  const before = await forkForTenant(h.runtime.orm.em, null).count(User, {}, { filters: false });
  const again = await identity.start(loadIdentityConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL, REDIS_URL }));
  try {
    expect(await forkForTenant(again.orm.em, null).count(User, {}, { filters: false })).toBe(before);
  } finally {
    await again.close();
  }
});
