import { readFileSync } from 'node:fs';
import { createTokenSigner, MemoryRevocationList, createLogger, type Headers, type SubgraphRuntime } from '@platform/kit';
import { createRouter, type Router } from '@platform/router';
import { PLATFORM_START_MS } from '@platform/testkit';
import { startPlatform, SUPERGRAPH_PATH, type Platform } from '../src/embedded';
import { collect, gql, login, nextMatching, SEND, untilLive, wsClient } from './support';

type Notice = { id: string; title: string; category: string; recipient: { username: string; fullName: string; tenant?: { code: string } } };
type Received = { notificationReceived: Notice };

/** `username` and `fullName` are declared claim-scoped by identity (subgraphs/identity/src/claim-scoped.ts). */
const SHAREABLE = 'subscription { notificationReceived { id title category recipient { username fullName } } }';
/** `tenant` is not: the recipient's fetch stays per caller. */
const PER_CALLER = 'subscription { notificationReceived { id title category recipient { username fullName tenant { code } } } }';

const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';
const ANNOUNCE = 'mutation($i: CreatePublicNotificationInput!) { createPublicNotification(input: $i) { id } }';

/**
 * An announcement reaches every subscriber of the tenant as its own notice (`recipient` is the subscriber), and the
 * recipient's fields come from identity. Through a router over the real subgraphs (embedded, SQLite), counting the
 * requests identity receives: one per claim set (here collectors and sales) where every field is declared
 * claim-scoped, one per subscriber where one is not; every subscriber still reads its own name.
 */
describe("an announcement fanned out to a tenant's subscribers", () => {
  let platform: Platform;
  let router: Router;
  let url: string;
  /** The authorization header of every request identity answered, in order. */
  const identityRequests: (string | undefined)[] = [];
  let admin: { token: string; id: string };
  const subscribers: { id: string; username: string; fullName: string; role: string; token: string }[] = [];

  beforeAll(async () => {
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ROUTER_PORT: '0', ADAPTER_PORT: '0', RATE_LIMITS: 'login:10000/60' };
    platform = await startPlatform({ env });
    // A router of its own over the same subgraph runtimes: identity's requests counted, the batch window widened
    // so that "one request" does not depend on the machine's load.
    const counted = (runtime: SubgraphRuntime): SubgraphRuntime =>
      runtime.name !== 'identity'
        ? runtime
        : {
            ...runtime,
            createContext: (headers: Headers) => {
              identityRequests.push(typeof headers.authorization === 'string' ? headers.authorization : undefined);
              return runtime.createContext(headers);
            },
          };
    router = await createRouter({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphs: Object.fromEntries(platform.subgraphs.map((runtime) => [runtime.name, { kind: 'local', runtime: counted(runtime) }])),
      signer: createTokenSigner(platform.config.JWT_SECRET),
      revocations: new MemoryRevocationList(),
      production: false,
      logger: createLogger({ name: 'test', level: 'silent' }),
      subscriptionBatchWindowMs: 200,
    });
    url = await router.listen(0);

    admin = await login(url, 'admin', 'Admin123456');
    for (const [role, count] of [['collector', 4], ['sales', 3]] as const) {
      for (let i = 1; i <= count; i++) {
        const username = `${role}-fan-${i}`;
        const fullName = `${role} number ${i}`;
        const created = await gql<{ createUser: { id: string } }>(url, CREATE_USER, { i: { username, fullName, password: 'secret123', roleCode: role } }, admin.token);
        if (!created.data) throw new Error(JSON.stringify(created.errors));
        subscribers.push({ id: created.data.createUser.id, username, fullName, role, token: (await login(url, username, 'secret123')).token });
      }
    }
  }, PLATFORM_START_MS);
  afterAll(async () => {
    await router?.close();
    await platform?.close();
  }, PLATFORM_START_MS);

  /** Every subscriber subscribed (and known live), one announcement created; what each got, and identity's requests. */
  async function announce(query: string, title: string) {
    const feeds = subscribers.map((subscriber) => {
      const client = wsClient(url, subscriber.token);
      return { client, events: collect<Received>(client, query) };
    });
    try {
      for (const [i, feed] of feeds.entries()) {
        await untilLive(feed.events, () => gql(url, SEND, { i: { recipientId: subscribers[i].id, title: 'probe', body: 'b' } }, admin.token));
      }
      await settled();
      const tokens = new Set(subscribers.map((s) => `Bearer ${s.token}`));
      const before = identityRequests.length;
      const created = await gql(url, ANNOUNCE, { i: { title, content: 'Down at 22:00', effectiveStart: new Date(Date.now() - 60_000).toISOString() } }, admin.token);
      if (!created.data) throw new Error(JSON.stringify(created.errors));
      const got = await Promise.all(feeds.map((feed) => nextMatching(feed.events, (e) => e.notificationReceived.title === title)));
      await new Promise((resolve) => setTimeout(resolve, 500)); // a late request shows by now
      const asSubscribers = identityRequests.slice(before).filter((authorization) => authorization && tokens.has(authorization));
      return { got: got.map((e) => e.notificationReceived), identityRequests: asSubscribers };
    } finally {
      for (const feed of feeds) {
        feed.events.dispose();
        await feed.client.dispose();
      }
    }
  }

  /** Late probes delivered (and their recipient fetched): identity has had no request for half a second. */
  async function settled(): Promise<void> {
    for (let seen = -1; seen !== identityRequests.length; ) {
      seen = identityRequests.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  const roleOf = (authorization: string | undefined) => subscribers.find((s) => `Bearer ${s.token}` === authorization)?.role;

  it('costs identity one request per claim set when every recipient field is declared claim-scoped', async () => {
    const { got, identityRequests: requests } = await announce(SHAREABLE, 'Maintenance tonight');

    expect(got.map((n) => ({ category: n.category, recipient: n.recipient }))).toEqual(
      subscribers.map((s) => ({ category: 'announcement', recipient: { username: s.username, fullName: s.fullName } })),
    );
    // Sent as one collector and one sales account: each group's request runs as a member of it.
    expect(requests.map(roleOf).sort()).toEqual(['collector', 'sales']);
  });

  it('asks identity once per subscriber when a field is not declared', async () => {
    const { got, identityRequests: requests } = await announce(PER_CALLER, 'Maintenance tomorrow');

    expect(got.map((n) => n.recipient)).toEqual(
      subscribers.map((s) => ({ username: s.username, fullName: s.fullName, tenant: { code: 'DEMO' } })),
    );
    expect(requests.sort()).toEqual(subscribers.map((s) => `Bearer ${s.token}`).sort());
  });
});
