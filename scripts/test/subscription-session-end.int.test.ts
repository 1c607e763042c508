import { CloseCode } from 'graphql-ws';
import { dropDatabases, holdSubscription, PLATFORM_START_MS, uniqueDatabaseUrl, type HeldSubscription } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { gql, login, RECEIVED, wsUrl } from './support';
import { untilDelivering } from './until-delivering';

const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';
const DEACTIVATE = 'mutation($id: ID!) { updateUser(id: $id, input: { status: inactive }) { status } }';

/**
 * A subscription outlived its session, and the revocation has to cross instances: a logout or deactivation
 * handled by instance A ends, through Redis, the subscription a client holds on instance B's router. Two platform
 * instances on one MariaDB and one Redis, as two replicas behind a load balancer run.
 */
describe('a subscription ends with its session across instances (MariaDB + Redis)', () => {
  const databaseUrl = uniqueDatabaseUrl('session_end_int');
  const env = (): NodeJS.ProcessEnv => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL,
    ROUTER_PORT: '0',
    ADAPTER_PORT: '0',
  });
  let a: Platform;
  let b: Platform;
  let urlA: string;
  let urlB: string;
  let admin: { token: string; id: string };
  const held: HeldSubscription[] = [];

  beforeAll(async () => {
    a = await startPlatform({ env: env() }); // migrates and seeds first
    b = await startPlatform({ env: env() });
    urlA = (await a.listen()).routerUrl;
    urlB = (await b.listen()).routerUrl;
    admin = await login(urlA, 'admin', 'Admin123456');
  }, PLATFORM_START_MS);
  afterEach(async () => {
    await Promise.all(held.splice(0).map((h) => h.dispose()));
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await dropDatabases(databaseUrl);
  });

  /** A fresh account signed in on A, subscribed on B and seen to receive there. */
  const subscribedOnB = async (username: string) => {
    const created = await gql(urlA, CREATE_USER, { i: { username, password: 'Subscriber-123456' } }, admin.token);
    expect(created.errors).toBeUndefined();
    const user = await login(urlA, username, 'Subscriber-123456');
    const subscription = holdSubscription(wsUrl(urlB), user.token, RECEIVED);
    held.push(subscription);
    await subscription.connected;
    await untilDelivering(urlA, admin.token, subscription, user.id);
    return { user, subscription };
  };

  // The jest timeout is the "within seconds": the periodic re-check (30 s) cannot be what ends these sockets.
  it('logout on A ends the subscription held on B with 4403', async () => {
    const { user, subscription } = await subscribedOnB('int-sub-logout');

    expect((await gql(urlA, 'mutation { logout }', {}, user.token)).data).toEqual({ logout: true });

    expect(await subscription.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Session revoked' });
  }, 15_000);

  it('deactivation on A ends the subscription held on B with 4403', async () => {
    const { user, subscription } = await subscribedOnB('int-sub-deactivated');

    const deactivated = await gql(urlA, DEACTIVATE, { id: user.id }, admin.token);
    expect(deactivated.data).toEqual({ updateUser: { status: 'inactive' } });

    expect(await subscription.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Session revoked' });
  }, 15_000);
});
