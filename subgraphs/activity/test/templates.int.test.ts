import { dropDatabases, uniqueDatabaseUrl } from '@platform/testkit';
import { ActivityClient, callers } from './support/harness';

// MariaDB migrations and Redis on a shared, loaded 2-core machine take longer than jest's 5 s.
jest.setTimeout(60_000);

// The template counts are hand-written SQL (count, sum grouped by code): checked on MariaDB too.
const databaseUrl = uniqueDatabaseUrl('activity_templates');
let client: ActivityClient;
beforeAll(async () => {
  client = await ActivityClient.start({ DATABASE_URL: databaseUrl, REMINDER_POLL_SECONDS: '0' });
});
afterAll(async () => {
  await client?.close();
  await dropDatabases(databaseUrl);
});

test('sent and read counts per template on MariaDB', async () => {
  const { admin, alice, bob } = callers;
  await client.ok(admin, `mutation { createNotificationTemplate(input: { code: "X", name: "n", type: "t", contentTemplate: "c" }) { id } }`);
  const sent = (await client.ok(admin, `mutation { pushNotification(input: { templateCode: "X", userIds: ["${alice.userId}", "${bob.userId}"] }) { id } }`)).pushNotification;
  await client.ok(alice, `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`, { id: sent[0].id });
  const { notificationTemplates } = await client.ok(admin, `{ notificationTemplates { items { code totalSent totalRead } } }`);
  expect(notificationTemplates.items).toEqual([{ code: 'X', totalSent: 2, totalRead: 1 }]);
});
