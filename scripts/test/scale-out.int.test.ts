import { dropDatabases, holdSubscription, uniqueDatabaseUrl, type HeldSubscription } from '@platform/testkit';
import { startScaleOut, type ScaleOut } from './scale-out-topology';
import { gql, login, wsUrl } from './support';
import { untilDelivering } from './until-delivering';

const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';
const SEND = 'mutation($i: SendNotificationInput!) { sendNotification(input: $i) { id } }';
const RECEIVED = 'subscription { notificationReceived { id title } }';
const ANNOUNCE = 'mutation($i: CreatePublicNotificationInput!) { createPublicNotification(input: $i) { id } }';
const SUBSCRIBERS = 6;

interface Subscriber {
  index: number;
  id: string;
  router: number;
  held: HeldSubscription;
}

/** Every title a subscriber received, with how often (pings of untilDelivering left out). */
function receivedTitles(subscriber: Subscriber, prefix: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of subscriber.held.events) {
    const title = (event.data as { notificationReceived?: { title: string } } | undefined)?.notificationReceived?.title;
    if (title?.startsWith(prefix)) counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  return counts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Live notices with more than one of everything (issue 7): two routers and two activity instances (behind a
 * round-robin balancer, on one database) sharing one Redis, every service a process of its own. Each subscriber
 * must get each notice exactly once, whichever router it holds its socket on and whichever router the notice was
 * sent through — also while an activity instance dies (SIGKILL) mid-stream: the other one serves its part.
 */
describe('live notices scale out: 2 routers × 2 activity instances (MariaDB + Redis)', () => {
  const databaseUrl = uniqueDatabaseUrl('scale_out_int');
  let system: ScaleOut;
  let adminToken: string;
  const subscribers: Subscriber[] = [];

  beforeAll(async () => {
    system = await startScaleOut(databaseUrl);
    const [r1, r2] = system.routerUrls;
    adminToken = (await login(r1, 'admin', 'Admin123456')).token;
    for (let index = 0; index < SUBSCRIBERS; index++) {
      const username = `scale-sub-${index}`;
      const created = await gql(r1, CREATE_USER, { i: { username, password: 'Subscriber-123456' } }, adminToken);
      expect(created.errors).toBeUndefined();
      // Signed in on either router, subscribed on one of them, in turn.
      const user = await login(index % 2 ? r2 : r1, username, 'Subscriber-123456');
      const router = index % 2;
      const held = holdSubscription(wsUrl(system.routerUrls[router]), user.token, RECEIVED);
      await held.connected;
      subscribers.push({ index, id: user.id, router, held });
    }
    for (const s of subscribers) await untilDelivering(system.routerUrls[(s.router + 1) % 2], adminToken, s.held, s.id);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.held.dispose()));
    await system?.stop();
    await dropDatabases(databaseUrl);
  }, 60_000);

  /**
   * Sends `title` to the subscriber through `router`; on failure (the instance answering died mid-request) it is
   * sent again under a new title until acknowledged. Answers the acknowledged title and the unacknowledged ones
   * (which may still arrive: the instance can die after its commit, before its answer).
   */
  async function sendUntilAcknowledged(router: number, recipientId: string, title: string): Promise<{ acknowledged: string; unacknowledged: string[] }> {
    const unacknowledged: string[] = [];
    for (let attempt = 0; ; attempt++) {
      const attemptTitle = attempt ? `${title}#${attempt}` : title;
      const result = await gql(system.routerUrls[(router + attempt) % 2], SEND, { i: { recipientId, title: attemptTitle, body: 'scale-out' } }, adminToken).catch(
        (error: unknown) => ({ errors: [{ message: String(error) }], data: undefined }),
      );
      if (result.data && !result.errors) return { acknowledged: attemptTitle, unacknowledged };
      unacknowledged.push(attemptTitle);
      if (attempt >= 20) throw new Error(`${title} never acknowledged: ${JSON.stringify(result.errors)}`);
      await sleep(100);
    }
  }

  /** Waits until every subscriber holds each of its expected titles (or `ms` passed), then compares exactly. */
  async function expectExactlyOnce(
    prefix: string,
    expected: Map<number, string[]>,
    unacknowledged: Map<number, string[]>,
    ms: number,
    when: (title: string) => string = () => '',
  ) {
    const complete = () => subscribers.every((s) => (expected.get(s.index) ?? []).every((t) => receivedTitles(s, prefix).has(t)));
    const deadline = Date.now() + ms;
    while (!complete() && Date.now() < deadline) await sleep(50);
    // A moment more for duplicates, which would arrive right behind.
    await sleep(500);
    const problems: string[] = [];
    for (const s of subscribers) {
      const got = receivedTitles(s, prefix);
      const allowed = new Set(unacknowledged.get(s.index) ?? []);
      for (const title of expected.get(s.index) ?? []) {
        const times = got.get(title) ?? 0;
        if (times !== 1) problems.push(`subscriber ${s.index} (router ${s.router + 1}) received ${title}${when(title)} ${times} times`);
      }
      for (const [title, times] of got) {
        if (!(expected.get(s.index) ?? []).includes(title) && !(allowed.has(title) && times === 1)) {
          problems.push(`subscriber ${s.index} received ${title} ${times} times, not sent to it`);
        }
      }
    }
    expect(problems).toEqual([]);
  }

  it('delivers each notice sent through either router exactly once to subscribers on both', async () => {
    const expected = new Map<number, string[]>();
    const sends: Promise<unknown>[] = [];
    for (let round = 0; round < 4; round++) {
      for (const s of subscribers) {
        const title = `steady-${round}-${s.index}`;
        expected.set(s.index, [...(expected.get(s.index) ?? []), title]);
        // Round robin over the routers, so each subscriber gets notices sent through both.
        const router = (round + s.index) % 2;
        sends.push(gql(system.routerUrls[router], SEND, { i: { recipientId: s.id, title, body: 'scale-out' } }, adminToken).then((r) => expect(r.errors).toBeUndefined()));
      }
    }
    await Promise.all(sends);
    await expectExactlyOnce('steady-', expected, new Map(), 10_000);
  }, 30_000);

  it('pushes each public notice to every subscriber exactly once: in effect at once, or scheduled and claimed by one instance', async () => {
    const startingIn = (ms: number) => new Date(Date.now() + ms).toISOString();
    // One through each router; the scheduled one is pushed by whichever activity instance's job claims it first.
    const now = await gql(system.routerUrls[0], ANNOUNCE, { i: { title: 'public-now', content: 'to all', effectiveStart: startingIn(-1_000) } }, adminToken);
    const later = await gql(system.routerUrls[1], ANNOUNCE, { i: { title: 'public-later', content: 'to all', effectiveStart: startingIn(2_000) } }, adminToken);
    expect([now.errors, later.errors]).toEqual([undefined, undefined]);
    const expected = new Map(subscribers.map((s) => [s.index, ['public-now', 'public-later']]));
    await expectExactlyOnce('public-', expected, new Map(), 15_000);
  }, 30_000);

  it('loses nothing when an activity instance is killed mid-stream', async () => {
    // The instance killed is the one holding the most subscription sockets of the routers (at least one).
    const open = system.balancer.open();
    const victim = open[system.activityPorts[0]].websockets >= open[system.activityPorts[1]].websockets ? 0 : 1;
    expect(open[system.activityPorts[victim]].websockets).toBeGreaterThan(0);

    const expected = new Map<number, string[]>();
    const unacknowledged = new Map<number, string[]>();
    const acknowledgedAt = new Map<string, number>();
    let killedAt = NaN;
    const streamFor = async (s: Subscriber, until: number) => {
      for (let n = 0; Date.now() < until; n++) {
        const sent = await sendUntilAcknowledged((n + s.index) % 2, s.id, `kill-${s.index}-${n}`);
        acknowledgedAt.set(sent.acknowledged, Date.now());
        expected.set(s.index, [...(expected.get(s.index) ?? []), sent.acknowledged]);
        unacknowledged.set(s.index, [...(unacknowledged.get(s.index) ?? []), ...sent.unacknowledged]);
        await sleep(100);
      }
    };
    const until = Date.now() + 8_000;
    const streaming = Promise.all(subscribers.map((s) => streamFor(s, until)));
    await sleep(2_000);
    killedAt = Date.now();
    system.activities[victim].process.kill('SIGKILL');
    await streaming;

    expect([...expected.values()].every((titles) => titles.length > 20)).toBe(true);
    // Each problem says when its notice was acknowledged relative to the kill.
    const when = (title: string) => ` (acknowledged ${(acknowledgedAt.get(title)! - killedAt).toFixed(0)} ms after the kill)`;
    await expectExactlyOnce('kill-', expected, unacknowledged, 20_000, when);
  }, 60_000);
});
