import { CloseCode } from 'graphql-ws';
import { MemoryRevocationList } from '@platform/kit';
import { holdSubscription, type HeldSubscription, until } from '@platform/testkit';
import { NOTE_ADDED } from './fixtures/notes.subgraph';
import { startRouter, toyPlatform, type RunningRouter, type ToyPlatform, type UpstreamKind } from './fixtures/toy-platform';

const NOTE_ADDED_QUERY = 'subscription { noteAdded { text } }';

/**
 * A subscription outlived its session: after logout (or expiry) an open socket still delivered events. The router
 * now ends the socket with 4403 as soon as the session is revoked or the token expires, and closes the upstream.
 */
describe.each<UpstreamKind>(['local', 'remote'])('a subscription ends with its session (%s subgraphs)', (kind) => {
  let platform: ToyPlatform;
  let running: RunningRouter;
  const held: HeldSubscription[] = [];

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, kind);
  });
  afterEach(async () => {
    await Promise.all(held.splice(0).map((h) => h.dispose()));
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });
  afterAll(() => running.close(), 30_000);

  const subscribe = async (token: string) => {
    const subscription = holdSubscription(running.wsUrl, token, NOTE_ADDED_QUERY);
    held.push(subscription);
    await subscription.connected;
    return subscription;
  };

  it('revoking the session closes the open subscription with 4403 and its upstream', async () => {
    const revokedSession = `logout-${kind}`;
    const other = await subscribe(platform.token('2', `stays-${kind}`));
    const subscription = await subscribe(platform.token('1', revokedSession));
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 2);

    await platform.revocations.revoke(revokedSession, 60);

    expect(await subscription.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Session revoked' });
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);
    // Another session's subscription is untouched and still delivers.
    platform.pubSub.publish(NOTE_ADDED, { id: 'x', text: 'after logout', author: { id: '2' } });
    await until(() => other.events.length === 1);
    expect(other.events).toEqual([{ data: { noteAdded: { text: 'after logout' } } }]);
    expect(subscription.events).toEqual([]);
  });

  it('an expiring token closes the open subscription with 4403 when it expires', async () => {
    // JWT expiry has whole seconds: a 3 s token expires 2 to 3 s from now, after the subscription is up.
    const subscription = await subscribe(platform.token('1', `expires-${kind}`, 3));
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);

    expect(await subscription.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Token expired' });
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  }, 15_000);

  it('closes every socket the revoked session holds', async () => {
    const session = `two-sockets-${kind}`;
    const first = await subscribe(platform.token('1', session));
    const second = await subscribe(platform.token('1', session));
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 2);

    await platform.revocations.revoke(session, 60);

    expect((await first.closed).code).toBe(CloseCode.Forbidden);
    expect((await second.closed).code).toBe(CloseCode.Forbidden);
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });
});

/**
 * A revocation notice can be lost (a pub/sub connection dropping for a moment). Then each new operation on the
 * socket still checks the session, and the periodic re-check ends the socket.
 */
describe('a subscription whose revocation notice was lost', () => {
  let platform: ToyPlatform;
  const running: RunningRouter[] = [];
  const held: HeldSubscription[] = [];

  beforeAll(async () => {
    platform = await toyPlatform();
  });
  afterEach(async () => {
    await Promise.all(held.splice(0).map((h) => h.dispose()));
    await Promise.all(running.splice(0).map((r) => r.close()));
  });

  /** A router reading the platform's revocations but never notified of one. */
  const deafRouter = async (subscriptionRecheckMs?: number) => {
    const deaf = new MemoryRevocationList();
    const revocations = {
      revoke: deaf.revoke.bind(deaf),
      isRevoked: (sessionId: string) => platform.revocations.isRevoked(sessionId),
      onRevoke: deaf.onRevoke.bind(deaf),
    };
    const router = await startRouter(platform, 'local', { revocations, subscriptionRecheckMs });
    running.push(router);
    return router;
  };

  const subscribe = async (router: RunningRouter, sessionId: string) => {
    const subscription = holdSubscription(router.wsUrl, platform.token('1', sessionId), NOTE_ADDED_QUERY);
    held.push(subscription);
    await subscription.connected;
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);
    return subscription;
  };

  it('refuses a new operation on the socket with UNAUTHENTICATED SESSION_REVOKED', async () => {
    const router = await deafRouter();
    const subscription = await subscribe(router, 'notice-lost-new-operation');

    await platform.revocations.revoke('notice-lost-new-operation', 60);

    await expect(subscription.client.iterate({ query: NOTE_ADDED_QUERY }).next()).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' }) }),
    ]);
    expect(platform.pubSub.subscriberCount(NOTE_ADDED)).toBe(1);
  });

  it('closes the socket with 4403 at the periodic re-check', async () => {
    const router = await deafRouter(50);
    const subscription = await subscribe(router, 'notice-lost-recheck');

    await platform.revocations.revoke('notice-lost-recheck', 60);

    expect(await subscription.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Session revoked' });
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });
});
