import { callers, LeadsClient } from './support/harness';

// The tenant's zone is Asia/Shanghai (UTC+8, the default). "Now" is Wednesday 2024-06-12 10:00 there, so today
// starts at 2024-06-11T16:00Z, the week (Monday) at 2024-06-09T16:00Z and the month at 2024-05-31T16:00Z.
const NOW = '2024-06-12T02:00:00Z';
const OVERVIEW = /* GraphQL */ `
  {
    leadsOverview {
      totalLeads timeZone
      intentionDistribution { label count }
      platformDistribution { label count }
      recentAdditions { today thisWeek thisMonth }
      last15DaysTrend { date count }
      followup { thisWeekLeadCount thisWeekRecordCount }
      todayStats { followedLeads followupRecords endedLeads }
    }
  }
`;

let client: LeadsClient;
const lead = async (at: string, intentionLevel: string, sourcePlatform: string | null, followerId = callers.sales.userId) => {
  client.setNow(at);
  return client.createLead(callers.admin, { createFollowUp: false, intentionLevel, followerId, ...(sourcePlatform ? { sourcePlatform } : {}) });
};
const followUp = async (at: string, leadId: string) => {
  client.setNow(at);
  await client.ok(callers.admin, 'mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { id } }', { input: { leadId, content: '跟进' } });
};
const end = async (at: string, id: string) => {
  client.setNow(at);
  await client.ok(callers.admin, 'mutation($id: ID!) { updateLead(id: $id, input: { endFollowup: true, endFollowupReason: "不再跟进" }) { lead { id } } }', { id });
};

beforeAll(async () => {
  client = await LeadsClient.start();
  await lead('2024-06-11T16:30:00Z', '高', '抖音'); // today 00:30 local (still the 11th in UTC)
  await lead('2024-06-12T01:00:00Z', '中', '微信'); // today 09:00
  const monday = await lead('2024-06-10T00:00:00Z', '高', '抖音'); // Monday 08:00: this week, not today
  const sunday = await lead('2024-06-09T15:30:00Z', '低', null); // Sunday 23:30: last week, this month
  const first = await lead('2024-05-31T16:10:00Z', '中', '抖音'); // June 1st 00:10: this month
  const lastMonth = await lead('2024-05-31T15:50:00Z', '低', '微信'); // May 31st 23:50: last month, in the trend
  const old = await lead('2024-05-20T04:00:00Z', '高', '抖音', callers.sales2.userId); // outside the trend
  await followUp('2024-06-12T00:00:00Z', monday); // today 08:00
  await followUp('2024-06-11T02:00:00Z', monday); // Tuesday
  await followUp('2024-06-12T01:30:00Z', sunday); // today 09:30
  await followUp('2024-06-09T12:00:00Z', first); // Sunday 20:00: last week
  await end('2024-06-12T01:40:00Z', lastMonth); // ended today
  await end('2024-06-11T03:00:00Z', old); // ended yesterday
  client.setNow(NOW);
}, 30_000);
afterAll(() => client.close());

const zeroDays = (days: Record<string, number>) => {
  const out = [];
  for (let d = new Date('2024-05-29T00:00:00Z'); d <= new Date('2024-06-12T00:00:00Z'); d = new Date(d.getTime() + 86_400_000)) {
    const date = d.toISOString().slice(0, 10);
    out.push({ date, count: days[date] ?? 0 });
  }
  return out;
};

it('counts every figure in the tenant zone', async () => {
  const data = await client.ok(callers.admin, OVERVIEW);
  expect(data.leadsOverview).toEqual({
    totalLeads: 7,
    timeZone: 'Asia/Shanghai',
    intentionDistribution: [
      { label: '高', count: 3 },
      { label: '中', count: 2 },
      { label: '低', count: 2 },
    ],
    platformDistribution: [
      { label: '抖音', count: 4 },
      { label: '微信', count: 2 },
      { label: '其他', count: 1 },
    ],
    recentAdditions: { today: 2, thisWeek: 3, thisMonth: 5 },
    last15DaysTrend: zeroDays({ '2024-05-31': 1, '2024-06-01': 1, '2024-06-09': 1, '2024-06-10': 1, '2024-06-12': 2 }),
    followup: { thisWeekLeadCount: 2, thisWeekRecordCount: 3 },
    todayStats: { followedLeads: 2, followupRecords: 2, endedLeads: 1 },
  });
});

it("counts only the leads the caller may see (sales: those assigned to them)", async () => {
  const data = await client.ok(callers.sales2, OVERVIEW);
  expect(data.leadsOverview).toMatchObject({ totalLeads: 1, recentAdditions: { today: 0, thisWeek: 0, thisMonth: 0 }, todayStats: { endedLeads: 0 } });
});

it("counts a sales user's own leads with the same figures (their leads, not the tenant's tallies)", async () => {
  const data = await client.ok(callers.sales, OVERVIEW);
  expect(data.leadsOverview).toEqual({
    totalLeads: 6,
    timeZone: 'Asia/Shanghai',
    intentionDistribution: [
      { label: '高', count: 2 },
      { label: '中', count: 2 },
      { label: '低', count: 2 },
    ],
    platformDistribution: [
      { label: '抖音', count: 3 },
      { label: '微信', count: 2 },
      { label: '其他', count: 1 },
    ],
    recentAdditions: { today: 2, thisWeek: 3, thisMonth: 5 },
    last15DaysTrend: zeroDays({ '2024-05-31': 1, '2024-06-01': 1, '2024-06-09': 1, '2024-06-10': 1, '2024-06-12': 2 }),
    followup: { thisWeekLeadCount: 2, thisWeekRecordCount: 3 },
    todayStats: { followedLeads: 2, followupRecords: 2, endedLeads: 1 },
  });
});

it('stays exact in a zone whose midnight is on the half hour (Asia/Kolkata, UTC+05:30)', async () => {
  await client.ok(callers.admin, 'mutation { updateLeadsSettings(timeZone: "Asia/Kolkata") { timeZone } }');
  // Now is 07:30 on the 12th there: today began at 2024-06-11T18:30Z, the week (Monday the 10th) at 06-09T18:30Z.
  const before = await lead('2024-06-11T18:29:59Z', '中', null); // 23:59:59 on the 11th
  const after = await lead('2024-06-11T18:30:00Z', '中', null); // 00:00 on the 12th
  client.setNow(NOW);
  try {
    const windows = `{ leadsOverview { timeZone recentAdditions { today thisWeek thisMonth } last15DaysTrend { date count } } }`;
    const expected = {
      timeZone: 'Asia/Kolkata',
      recentAdditions: { today: 2, thisWeek: 5, thisMonth: 6 },
      last15DaysTrend: zeroDays({ '2024-05-31': 2, '2024-06-09': 1, '2024-06-10': 1, '2024-06-11': 2, '2024-06-12': 2 }),
    };
    // The admin's figures come from the quarter-hour arrivals, the sales user's from their leads: both exact.
    expect((await client.ok(callers.admin, windows)).leadsOverview).toEqual(expected);
    expect((await client.ok(callers.sales, windows)).leadsOverview).toEqual(expected);
  } finally {
    for (const id of [before, after]) await client.ok(callers.admin, 'mutation($id: ID!) { deleteLead(id: $id) { id } }', { id });
    await client.ok(callers.admin, 'mutation { updateLeadsSettings(timeZone: null) { timeZone } }');
  }
});

it('costs five statements whatever the number of leads', async () => {
  client.sql.reset();
  await client.ok(callers.admin, OVERVIEW);
  // The tenant's zone, then four grouped statements.
  expect(client.sql.count).toBe(5);
});
