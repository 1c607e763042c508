import { SmtpSink } from '@platform/testkit';
import { callers, LeadsClient } from './support/harness';

// Asia/Shanghai (the default zone) is UTC+8: 2024-06-10T02:00:00Z is 10:00 local.
const NOW = '2024-06-10T02:00:00Z';
const CHECK = /* GraphQL */ `
  mutation {
    triggerReminderCheck {
      overdueCount emailList timeZone
      overdueList { leadId customerNickname intentionLevel lastFollowUpTime followUpPerson overdueDays configDays }
    }
  }
`;

let smtp: SmtpSink;
let client: LeadsClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  smtp = await SmtpSink.start();
  client = await LeadsClient.start({ SMTP_URL: smtp.url });
  client.setNow(NOW);
  const lead = (customerNickname: string, intentionLevel: string, extra: Record<string, unknown>) =>
    client.createLead(callers.service, { customerNickname, intentionLevel, ...extra });
  // 高 (1 day): no follow-up, came in two days ago → overdue 2 days.
  ids.high = await lead('Alpha', '高', { createFollowUp: false, leadTime: '2024-06-08 09:00:00' });
  // 中 (3 days): followed up a day ago → not overdue.
  ids.medium = await lead('Bravo', '中', { followUpTime: '2024-06-09 10:00:00', leadTime: '2024-05-01 10:00:00' });
  // 低 (5 days): last followed up nine days ago (by 王五) → overdue 9 days.
  ids.low = await lead('Charlie', '低', { createFollowUp: false, leadTime: '2024-05-01 10:00:00' });
  await client.ok(callers.service, 'mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { id } }', {
    input: { leadId: ids.low, content: '回访', followUpTime: '2024-06-01 09:00:00', followUpPerson: '王五' },
  });
  // 高, long overdue, but ended: never reported.
  ids.ended = await lead('Delta', '高', { createFollowUp: false, leadTime: '2024-01-01 10:00:00' });
  await client.ok(callers.service, 'mutation($id: ID!) { updateLead(id: $id, input: { endFollowup: true, endFollowupReason: "客户已拉黑" }) { lead { id } } }', { id: ids.ended });
});
afterAll(async () => {
  await client.close();
  await smtp.close();
});

beforeEach(() => {
  smtp.received.length = 0;
});

it('without recipients answers the overdue list and sends nothing', async () => {
  const data = await client.ok(callers.admin, CHECK);
  expect(data.triggerReminderCheck.overdueCount).toBe(2);
  expect(data.triggerReminderCheck.emailList).toEqual([]);
  expect(smtp.received).toHaveLength(0);
});

it('mails the overdue list to every recipient, ended leads left out, and marks the leads due', async () => {
  for (const email of ['a@example.com', 'b@example.com']) {
    await client.ok(callers.admin, 'mutation($email: String!) { addRemindRecipient(email: $email) { id } }', { email });
  }
  const data = await client.ok(callers.admin, CHECK);
  expect(data.triggerReminderCheck).toEqual({
    overdueCount: 2,
    emailList: ['a@example.com', 'b@example.com'],
    timeZone: 'Asia/Shanghai',
    overdueList: [
      { leadId: ids.high, customerNickname: 'Alpha', intentionLevel: '高', lastFollowUpTime: '2024-06-08T01:00:00.000Z', followUpPerson: callers.service.userId, overdueDays: 2, configDays: 1 },
      { leadId: ids.low, customerNickname: 'Charlie', intentionLevel: '低', lastFollowUpTime: '2024-06-01T01:00:00.000Z', followUpPerson: '王五', overdueDays: 9, configDays: 5 },
    ],
  });
  expect(smtp.perRecipient()).toEqual({ 'a@example.com': 1, 'b@example.com': 1 });
  const text = SmtpSink.text(smtp.received[0]);
  expect(text).toContain(`#${ids.high} Alpha`);
  expect(text).toContain(`#${ids.low} Charlie`);
  expect(text).toContain('2024-06-01 09:00:00');
  expect(text).not.toContain('Delta');
  expect(text).not.toContain('Bravo');
  const due = await client.ok(callers.admin, 'query($id: ID!) { lead(id: $id) { needFollowup } }', { id: ids.low });
  expect(due.lead.needFollowup).toBe(true);
});

it('follows the edited interval', async () => {
  await client.ok(callers.admin, 'mutation { updateRemindConfig(level: "低", intervalDays: 10) { intervalDays } }');
  const data = await client.ok(callers.admin, CHECK);
  expect(data.triggerReminderCheck.overdueList.map((o: { leadId: string }) => o.leadId)).toEqual([ids.high]);
  await client.ok(callers.admin, 'mutation { updateRemindConfig(level: "低", intervalDays: 5) { intervalDays } }');
});

describe('the daily run', () => {
  it('does nothing before 09:00 in the tenant zone, then runs once a day', async () => {
    const { scheduler } = client.runtime.services;
    expect(await scheduler.runDue(new Date('2024-06-11T00:59:00Z'))).toEqual([]); // 08:59 local
    expect(smtp.received).toHaveLength(0);
    expect(await scheduler.runDue(new Date('2024-06-11T01:00:00Z'))).toEqual([Number(callers.admin.tenantId)]); // 09:00
    expect(await scheduler.runDue(new Date('2024-06-11T05:00:00Z'))).toEqual([]); // later the same day
    expect(smtp.perRecipient()).toEqual({ 'a@example.com': 1, 'b@example.com': 1 });
    expect(await scheduler.runDue(new Date('2024-06-12T01:30:00Z'))).toEqual([Number(callers.admin.tenantId)]); // next day
    expect(smtp.perRecipient()).toEqual({ 'a@example.com': 2, 'b@example.com': 2 });
  });

  it('follows the tenant zone', async () => {
    await client.ok(callers.admin, 'mutation { updateLeadsSettings(timeZone: "Europe/London") { timeZone } }');
    // 2024-06-13 08:30 UTC is 09:30 in London (BST): due there, although Shanghai's 09:00 passed long before.
    expect(await client.runtime.services.scheduler.runDue(new Date('2024-06-13T07:59:00Z'))).toEqual([]);
    expect(await client.runtime.services.scheduler.runDue(new Date('2024-06-13T08:30:00Z'))).toEqual([Number(callers.admin.tenantId)]);
    await client.ok(callers.admin, 'mutation { updateLeadsSettings(timeZone: "Asia/Shanghai") { timeZone } }');
  });
});
