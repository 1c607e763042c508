import { randomInt } from 'node:crypto';
import { createOrm, type Orm } from '@platform/kit';
import { ActivityClient, callers } from './support/harness';

// MariaDB migrations and Redis on a shared, loaded 2-core machine take longer than jest's 5 s.
jest.setTimeout(60_000);

// Two activity instances on one MariaDB database, as two processes of a deployment.
const mysqlServer = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
const databaseUrl = (() => {
  const url = new URL(mysqlServer);
  url.pathname = `/activity_reminders_${Date.now()}_${randomInt(1e6)}`;
  return url.toString();
})();

let a: ActivityClient;
let b: ActivityClient;
let orm: Orm;

beforeAll(async () => {
  const config = { DATABASE_URL: databaseUrl, REMINDER_POLL_SECONDS: '0' };
  a = await ActivityClient.start(config);
  b = await ActivityClient.start(config);
  orm = await createOrm({ entities: [], databaseUrl });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await orm?.schema.dropDatabase();
  await orm?.close();
});

test('both instances run the reminder job at once: every due reminder is sent by exactly one of them', async () => {
  await a.ok(callers.admin, `mutation { createNotificationTemplate(input: { code: "REMIND", name: "r", type: "system", contentTemplate: "c", repeatIntervalMinutes: 5, maxRemindCount: 2 }) { id } }`);
  for (let i = 0; i < 10; i++) {
    await a.ok(callers.admin, `mutation { pushNotification(input: { templateCode: "REMIND", userIds: ["${callers.alice.userId}", "${callers.bob.userId}"] }) { id } }`);
  }
  const due = new Date(Date.now() + 6 * 60_000);
  const runs = await Promise.all([a, b, a, b].map((instance) => instance.runtime.services.reminders.runOnce(due)));
  expect(runs.reduce((sum, n) => sum + n, 0)).toBe(20);
  const again = await Promise.all([a, b].map((instance) => instance.runtime.services.reminders.runOnce(due)));
  expect(again).toEqual([0, 0]);
});
