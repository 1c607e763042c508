import { CloseCode } from 'graphql-ws';
import { createTokenSigner } from '@platform/kit';
import { holdSubscription, PLATFORM_START_MS, type HeldSubscription } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { gql, login, RECEIVED, wsUrl } from './support';
import { untilDelivering } from './until-delivering';

const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';
const DEACTIVATE = 'mutation($id: ID!) { updateUser(id: $id, input: { status: inactive }) { status } }';

/**
 * A subscription outlived its session: after logout, the token's expiry or the account's deactivation, an open
 * `notificationReceived` still delivered and the socket stayed open. Each now ends the socket with 4403 at once.
 * In process, on the in-memory revocation list identity and the router share.
 */
describe('a subscription ends with its session (embedded platform)', () => {
  let platform: Platform;
  let routerUrl: string;
  let admin: { token: string; id: string };
  const held: HeldSubscription[] = [];

  beforeAll(async () => {
    platform = await startPlatform({
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ROUTER_PORT: '0', ADAPTER_PORT: '0' },
    });
    ({ routerUrl } = await platform.listen());
    admin = await login(routerUrl, 'admin', 'Admin123456');
  }, PLATFORM_START_MS);
  afterEach(async () => {
    await Promise.all(held.splice(0).map((h) => h.dispose()));
  });
  afterAll(() => platform?.close());

  /** A fresh account, so signing it out or deactivating it touches no other test. */
  const newAccount = async (username: string) => {
    const created = await gql(routerUrl, CREATE_USER, { i: { username, password: 'Subscriber-123456' } }, admin.token);
    expect(created.errors).toBeUndefined();
    return login(routerUrl, username, 'Subscriber-123456');
  };

  const subscribe = async (token: string) => {
    const subscription = holdSubscription(wsUrl(routerUrl), token, RECEIVED);
    held.push(subscription);
    await subscription.connected;
    return subscription;
  };

  it('logout ends an open subscription with 4403', async () => {
    const user = await newAccount('sub-logout');
    const subscription = await subscribe(user.token);
    await untilDelivering(routerUrl, admin.token, subscription, user.id);

    expect((await gql(routerUrl, 'mutation { logout }', {}, user.token)).data).toEqual({ logout: true });

    expect(await subscription.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Session revoked' });
  });

  it('deactivating the account ends its open subscription with 4403', async () => {
    const user = await newAccount('sub-deactivated');
    const subscription = await subscribe(user.token);
    await untilDelivering(routerUrl, admin.token, subscription, user.id);

    const deactivated = await gql(routerUrl, DEACTIVATE, { id: user.id }, admin.token);
    expect(deactivated.data).toEqual({ updateUser: { status: 'inactive' } });

    expect(await subscription.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Session revoked' });
  });

  it('token expiry ends an open subscription with 4403', async () => {
    const user = await newAccount('sub-expiring');
    // The same caller as the login's token, re-signed to expire in 3 to 4 s (JWT expiry has whole seconds):
    // time enough to see the subscription deliver first.
    const signer = createTokenSigner(platform.config.JWT_SECRET);
    const shortLived = signer.signAccess(signer.verifyAccess(user.token), 4);
    const subscription = await subscribe(shortLived);
    await untilDelivering(routerUrl, admin.token, subscription, user.id);

    expect(await subscription.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Token expired' });
  }, 20_000);

  it('keeps the subscription of another session of the same account open', async () => {
    const user = await newAccount('sub-two-sessions');
    const other = await login(routerUrl, 'sub-two-sessions', 'Subscriber-123456');
    const stays = await subscribe(other.token);
    const ends = await subscribe(user.token);
    await untilDelivering(routerUrl, admin.token, stays, user.id);

    await gql(routerUrl, 'mutation { logout }', {}, user.token);

    expect((await ends.closed).code).toBe(CloseCode.Forbidden);
    await untilDelivering(routerUrl, admin.token, stays, user.id);
    expect(stays.ended()).toBe(false);
  });
});
