import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Caller } from '@platform/kit';
import { until } from '@platform/testkit';
import { NOTICE_SENT } from './fixtures/notes.subgraph';
import { bearer, startRouter, toyPlatform, type RunningRouter, type ToyPlatform, type UpstreamKind } from './fixtures/toy-platform';

/** `recipient { id username }`: both declared claim-scoped by users (fixtures/users.subgraph.ts). */
const SHAREABLE = 'subscription { noticeReceived { title recipient { id username } } }';
/** `greeting` names the caller: not declared, so the fetch stays per caller. */
const PER_CALLER = 'subscription { noticeReceived { title recipient { id username greeting } } }';

/** Members 3… of tenant t1; each subscriber is its own account and receives the notice as its recipient. */
const MEMBER_IDS = Array.from({ length: 12 }, (_, i) => String(i + 3));

/**
 * An announcement fanned out to many subscribers: the recipient's fields come from users in one `_entities` request
 * per claim set (tenant, roles, permissions, scope) where users declares them claim-scoped, and per caller where it
 * does not. The batch window is widened so that "one request" does not depend on the machine's load.
 */
describe.each<UpstreamKind>(['local', 'remote'])('a notice to many subscribers (%s subgraphs)', (kind) => {
  let platform: ToyPlatform;
  let running: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, kind, { subscriptionBatchWindowMs: 100 });
  });
  afterAll(() => running.close());

  /** Subscribes one client per token, waits until all are live, publishes one notice; answers what each got. */
  async function broadcast(tokens: string[], query: string) {
    const clients: Client[] = [];
    const received: unknown[][] = tokens.map(() => []);
    try {
      tokens.forEach((token, i) => {
        const client = createClient({ url: running.wsUrl, webSocketImpl: WebSocket, connectionParams: bearer(token), retryAttempts: 0 });
        clients.push(client);
        client.subscribe({ query }, { next: (e) => received[i].push(e), error: (e) => received[i].push({ failed: e }), complete: () => undefined });
      });
      await until(() => platform.pubSub.subscriberCount(NOTICE_SENT) === tokens.length, 30_000);
      const before = platform.seenBy.users.length;
      platform.pubSub.publish(NOTICE_SENT, { id: 'a-1', title: 'Office closed on Friday' });
      await until(() => received.every((events) => events.length >= 1), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // a late duplicate or a late request shows by now
      return { received, usersRequests: platform.seenBy.users.slice(before).map((headers) => headers.authorization) };
    } finally {
      await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
      await until(() => platform.pubSub.subscriberCount(NOTICE_SENT) === 0, 30_000);
    }
  }

  const notice = (id: string, extra: Record<string, unknown> = {}) => [
    { data: { noticeReceived: { title: 'Office closed on Friday', recipient: { id, username: `member-${id}`, ...extra } } } },
  ];

  it('costs users one entity request for subscribers sharing tenant, roles and permissions, sent as one of them', async () => {
    const tokens = MEMBER_IDS.map((id) => platform.token(id));
    const { received, usersRequests } = await broadcast(tokens, SHAREABLE);

    expect(received).toEqual(MEMBER_IDS.map((id) => notice(id)));
    expect(usersRequests).toHaveLength(1);
    expect(tokens.map((token) => `Bearer ${token}`)).toContain(usersRequests[0]);
  });

  it('costs one request per claim set when roles, permissions or tenant differ', async () => {
    const claimSets: Partial<Caller>[] = [
      {},
      { roles: ['auditor'] },
      { permissions: ['notes:view'] },
      { tenantId: 't2' },
    ];
    // Three subscribers per claim set, interleaved; a role listed twice is still the same claim set.
    const setOf = (i: number) => i % claimSets.length;
    const tokens = MEMBER_IDS.map((id, i) => {
      const claims = claimSets[setOf(i)];
      return platform.token(id, undefined, undefined, i === 1 ? { roles: ['auditor', 'auditor'] } : claims);
    });
    const { received, usersRequests } = await broadcast(tokens, SHAREABLE);

    expect(received).toEqual(MEMBER_IDS.map((id) => notice(id)));
    expect(usersRequests).toHaveLength(claimSets.length);
    // Each request went as a member of a different claim set.
    const setsAskedAs = usersRequests.map((authorization) => setOf(tokens.findIndex((token) => `Bearer ${token}` === authorization)));
    expect(new Set(setsAskedAs).size).toBe(claimSets.length);
  });

  it('keeps a fetch selecting an undeclared field per caller, each answered as itself', async () => {
    const tokens = MEMBER_IDS.map((id) => platform.token(id));
    const { received, usersRequests } = await broadcast(tokens, PER_CALLER);

    expect(received).toEqual(MEMBER_IDS.map((id) => notice(id, { greeting: `member-${id} sees member-${id}` })));
    expect(usersRequests.sort()).toEqual(tokens.map((token) => `Bearer ${token}`).sort());
  });
});
