import { ActivityClient, asIterator, callers, codeOf, nextEvent, RECEIVED, TENANT } from './support/harness';

const { admin, alice, bob } = callers;

let client: ActivityClient;
beforeEach(async () => {
  client = await ActivityClient.start();
});
afterEach(() => client.close());

const send = (to: string, title: string) =>
  client.send(admin, { recipientId: to, title, body: 'b', category: 'repayment' });

test('a subscriber receives the notifications sent to them as they are sent', async () => {
  const events = asIterator(await client.subscribe(alice, RECEIVED));
  const pending = nextEvent(events);
  const { id } = (await send(alice.userId, 'Repayment received')).sendNotification;

  expect(await pending).toEqual({
    data: {
      notificationReceived: {
        id,
        title: 'Repayment received',
        category: 'repayment',
        read: false,
        tenantId: TENANT,
        createdAt: expect.stringMatching(/Z$/),
        recipient: { id: alice.userId },
      },
    },
  });
  await events.return?.();
});

test('a subscriber receives only their own notifications', async () => {
  const aliceEvents = asIterator(await client.subscribe(alice, RECEIVED));
  const bobEvents = asIterator(await client.subscribe(bob, RECEIVED));
  const aliceNext = nextEvent(aliceEvents);
  const bobNext = nextEvent(bobEvents);

  await send(alice.userId, 'for alice');
  await send(bob.userId, 'for bob');

  // Bob's first event is his own: alice's notice, sent before it, never reached him.
  expect((await bobNext).data).toMatchObject({ notificationReceived: { title: 'for bob', recipient: { id: bob.userId } } });
  expect((await aliceNext).data).toMatchObject({ notificationReceived: { title: 'for alice' } });
  await aliceEvents.return?.();
  await bobEvents.return?.();
});

test('an anonymous subscription is refused', async () => {
  const result = await client.subscribe(null, RECEIVED);
  expect(Symbol.asyncIterator in result ? 'subscribed' : codeOf(result)).toBe('UNAUTHENTICATED');
});

test('an invalid token cannot subscribe', async () => {
  await expect(client.runtime.createContext({ authorization: 'Bearer forged' })).rejects.toMatchObject({
    extensions: { code: 'UNAUTHENTICATED' },
  });
});
