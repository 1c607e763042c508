import { SqlCounter } from '@platform/kit';
import { ActivityClient, callers } from './support/harness';

const { admin, alice, bob } = callers;
const counter = new SqlCounter();

let client: ActivityClient;
beforeAll(async () => {
  client = await ActivityClient.start({ REMINDER_POLL_SECONDS: '0' }, { sqlCounter: counter });
});
afterAll(() => client.close());

/** Each statement by what it does and to which table: `insert notification`, `select foreign_ref`, `begin`. */
const shapes = () =>
  counter.statements.map((sql) => {
    const [, verb, table] = /^(\w+)(?:.*?(?:from|into|update) `(\w+)`)?/s.exec(sql)!;
    return table ? `${verb} ${table}` : verb;
  });

const send = (recipientId: string, title: string) => client.send(admin, { recipientId, title, body: 'b' });

test('a notice is five statements: the recipient check, the notification and its event, in one transaction', async () => {
  await send(alice.userId, 'warm-up');
  counter.reset();
  const { sendNotification } = await send(alice.userId, 'counted');
  expect(sendNotification).toMatchObject({ title: 'counted', recipient: { id: alice.userId } });
  expect(shapes()).toEqual(['begin', 'select foreign_ref', 'insert notification', 'insert outbox_event', 'commit']);
});

test('the cost of a notice does not grow with the notices already stored, nor with the recipient', async () => {
  for (let i = 0; i < 20; i++) await send(i % 2 ? alice.userId : bob.userId, `n${i}`);
  counter.reset();
  await send(bob.userId, 'after twenty');
  expect(counter.count).toBe(5);
});

test('a push to many users writes their notifications in one statement', async () => {
  await client.ok(admin, 'mutation($input: CreateNotificationTemplateInput!) { createNotificationTemplate(input: $input) { id } }', {
    input: { code: 'CASE_NOTE', name: 'Case note', type: 'case_note', contentTemplate: 'Case {case_code}', enabled: true },
  });
  const push = (userIds: string[]) =>
    client.ok<{ pushNotification: unknown[] }>(admin, 'mutation($input: PushNotificationInput!) { pushNotification(input: $input) { id } }', {
      input: { templateCode: 'CASE_NOTE', userIds, variables: { case_code: 'C1' } },
    });
  counter.reset();
  expect((await push([alice.userId])).pushNotification).toHaveLength(1);
  const forOne = shapes();
  counter.reset();
  expect((await push([alice.userId, bob.userId, admin.userId])).pushNotification).toHaveLength(3);
  expect(shapes()).toEqual(forOne);
  expect(forOne.filter((s) => s === 'insert notification')).toHaveLength(1);
});
