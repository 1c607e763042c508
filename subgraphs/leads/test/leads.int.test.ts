import { dropDatabases, SmtpSink, uniqueDatabaseUrl } from '@platform/testkit';
import { callers, LeadsClient } from './support/harness';

// Two leads instances on one MariaDB database (and Redis), as two replicas run: the daily reminder is sent once.
const databaseUrl = uniqueDatabaseUrl('leads_int');
const NOW = '2024-06-10T02:00:00Z'; // 10:00 in Asia/Shanghai

let smtp: SmtpSink;
let a: LeadsClient;
let b: LeadsClient;
let overdue: string;
let ended: string;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url };
  a = await LeadsClient.start(env);
  b = await LeadsClient.start(env);
  for (const client of [a, b]) client.setNow(NOW);
  overdue = await a.createLead(callers.service, { customerNickname: 'Echo', createFollowUp: false, leadTime: '2024-06-05 09:00:00' });
  ended = await b.createLead(callers.service, { customerNickname: 'Foxtrot', createFollowUp: false, leadTime: '2024-06-01 09:00:00' });
  await b.ok(callers.service, 'mutation($id: ID!) { updateLead(id: $id, input: { endFollowup: true, endFollowupReason: "无效" }) { lead { id } } }', { id: ended });
  await a.createLead(callers.service, { customerNickname: 'Golf', followUpTime: '2024-06-10 08:00:00' });
  for (const email of ['ops@example.com', 'boss@example.com']) {
    await a.ok(callers.admin, 'mutation($email: String!) { addRemindRecipient(email: $email) { id } }', { email });
  }
}, 60_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await smtp?.close();
  await dropDatabases(databaseUrl);
});

it('finds the overdue leads on MariaDB, ended ones left out', async () => {
  const data = await b.ok(callers.admin, 'mutation { triggerReminderCheck { overdueCount emailList overdueList { leadId overdueDays configDays } } }');
  expect(data.triggerReminderCheck).toEqual({
    overdueCount: 1,
    emailList: ['ops@example.com', 'boss@example.com'],
    overdueList: [{ leadId: overdue, overdueDays: 5, configDays: 1 }],
  });
  expect(smtp.perRecipient()).toEqual({ 'ops@example.com': 1, 'boss@example.com': 1 });
});

it('two instances due at once send the daily reminder once per recipient', async () => {
  smtp.received.length = 0;
  const at = new Date('2024-06-11T01:30:00Z'); // 09:30 local
  const [ranA, ranB] = await Promise.all([a.runtime.services.scheduler.runDue(at), b.runtime.services.scheduler.runDue(at)]);
  expect([...ranA, ...ranB]).toEqual([Number(callers.admin.tenantId)]);
  expect(smtp.perRecipient()).toEqual({ 'ops@example.com': 1, 'boss@example.com': 1 });
  const again = await Promise.all([a.runtime.services.scheduler.runDue(at), b.runtime.services.scheduler.runDue(at)]);
  expect(again.flat()).toEqual([]);
  expect(smtp.received).toHaveLength(1);
});

it('answers the statistics on MariaDB', async () => {
  const data = await a.ok(callers.admin, '{ leadsOverview { totalLeads recentAdditions { today } todayStats { followupRecords endedLeads } last15DaysTrend { count } } }');
  expect(data.leadsOverview).toMatchObject({ totalLeads: 3, recentAdditions: { today: 3 }, todayStats: { followupRecords: 1, endedLeads: 1 } });
  expect(data.leadsOverview.last15DaysTrend).toHaveLength(15);
});
