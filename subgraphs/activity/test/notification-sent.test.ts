import { InProcessBus, type BusEvent } from '@platform/kit';
import { ActivityClient, callers, TENANT } from './support/harness';

const { admin, alice } = callers;

let bus: InProcessBus;
let client: ActivityClient;
let seen: BusEvent[];
beforeEach(async () => {
  bus = new InProcessBus();
  // The relay's poll would come only after an hour: an event that arrives was published by the commit itself.
  client = await ActivityClient.start({}, { bus, relayPollIntervalMs: 3_600_000 });
  seen = [];
  await bus.subscribe('notification-sent-test', ['notification.sent'], async (event) => void seen.push(event));
});
afterEach(async () => {
  await client.close();
  await bus.close();
});

/** Polls `condition` until it holds; the limit only stops a broken run from hanging. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('sendNotification publishes notification.sent on the bus right after its commit', async () => {
  const input = { recipientId: alice.userId, title: 't', body: 'b', category: 'work_log' };
  const { id } = (await client.send(admin, input)).sendNotification;
  await waitFor(() => seen.length === 1);
  expect(seen[0]).toMatchObject({
    topic: 'notification.sent',
    tenantId: TENANT,
    aggregateId: id,
    payload: { notificationId: Number(id), recipientId: alice.userId, category: 'work_log' },
  });
});

test('a refused send publishes nothing', async () => {
  const send = `mutation { sendNotification(input: { recipientId: "12", title: "t", body: "b" }) { id } }`;
  const refused = await client.run(alice, send);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  await client.send(admin, { recipientId: alice.userId, title: 'after', body: 'b' });
  await waitFor(() => seen.length === 1);
  await bus.drain();
  expect(seen).toHaveLength(1);
});
