import { executeSql } from '@platform/kit';
import { rebuildTally } from '@platform/leads';
import { callers, codeOf, fieldOf, LeadsClient, TENANT } from './harness';

/**
 * The statistics' tallies (lead_tally, lead_arrival) against a recount from the leads, after each kind of write:
 * run on libSQL (tally.test.ts) and on MariaDB (tally.int.test.ts), whose upserts and slot arithmetic differ.
 */
export function tallyCases(start: () => Promise<LeadsClient>, rebuild?: () => Promise<void>): void {
  let client: LeadsClient;
  const em = () => client.runtime.orm.em.fork();

  /** Both tallies of the tenant, zero rows left out (a recount makes none). */
  const tallies = async () => {
    const tally = await executeSql(
      em(),
      'select intention_level, source_platform, follower_id, registrant_id, leads from lead_tally where tenant_id = ? and leads <> 0 order by intention_level, source_platform, follower_id, registrant_id',
      [Number(TENANT)],
    );
    const arrivals = await executeSql(em(), 'select slot, leads from lead_arrival where tenant_id = ? and leads <> 0 order by slot', [Number(TENANT)]);
    return {
      tally: tally.map((r) => ({ ...r, leads: Number(r.leads) })),
      arrivals: arrivals.map((r) => ({ slot: new Date(r.slot as string | number | Date).toISOString(), leads: Number(r.leads) })),
    };
  };
  /** What the writes kept equals what a recount makes. */
  const expectConsistent = async () => {
    const kept = await tallies();
    await rebuildTally(em(), Number(TENANT));
    expect(await tallies()).toEqual(kept);
    return kept;
  };
  const update = (id: string, input: Record<string, unknown>) =>
    client.run(callers.admin, 'mutation($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { lead { id } } }', { id, input });
  const overview = async () =>
    (await client.ok(callers.admin, '{ leadsOverview { totalLeads intentionDistribution { label count } platformDistribution { label count } recentAdditions { today } } }'))
      .leadsOverview;

  let high: string;
  let mid: string;
  let low: string;

  beforeAll(async () => {
    client = await start();
    client.setNow('2024-06-12T02:00:00Z'); // 10:00 in Shanghai
    high = await client.createLead(callers.service, { intentionLevel: '高', sourcePlatform: '抖音' });
    client.setNow('2024-06-12T02:20:00Z');
    mid = await client.createLead(callers.admin, { intentionLevel: '中', sourcePlatform: '微信', createFollowUp: false });
    client.setNow('2024-06-12T02:29:59.999Z'); // the same quarter hour as the one before
    low = await client.createLead(callers.service, { intentionLevel: '低', followerId: callers.sales2.userId });
  }, 60_000);
  afterAll(() => client?.close());

  it('creating leads counts them by level, platform, follower, registrant and quarter hour', async () => {
    const kept = await expectConsistent();
    expect(kept.arrivals).toEqual([
      { slot: '2024-06-12T02:00:00.000Z', leads: 1 },
      { slot: '2024-06-12T02:15:00.000Z', leads: 2 },
    ]);
    expect(kept.tally).toContainEqual({ intention_level: '低', source_platform: '', follower_id: callers.sales2.userId, registrant_id: callers.service.userId, leads: 1 });
  });

  it('editing the level, the platform or the follower moves the lead between rows', async () => {
    await update(high, { intentionLevel: '中' });
    await update(mid, { sourcePlatform: null });
    await update(low, { followerId: callers.sales.userId, customerNickname: '改名' });
    const kept = await expectConsistent();
    expect(kept.tally.reduce((sum, r) => sum + r.leads, 0)).toBe(3);
    expect(await overview()).toEqual({
      totalLeads: 3,
      intentionDistribution: [
        { label: '中', count: 2 },
        { label: '低', count: 1 },
      ],
      platformDistribution: [
        { label: '其他', count: 2 },
        { label: '抖音', count: 1 },
      ],
      recentAdditions: { today: 3 },
    });
  });

  it('follow-ups and ending follow-up leave the tallies as they are', async () => {
    const before = await tallies();
    await client.ok(callers.admin, 'mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { id } }', { input: { leadId: high, content: '回访' } });
    await update(mid, { endFollowup: true, endFollowupReason: '无效线索' });
    expect(await expectConsistent()).toEqual(before);
  });

  it('a refused edit changes neither the lead nor the tallies', async () => {
    const before = await tallies();
    const refused = await update(high, { intentionLevel: '低', followerId: callers.service.userId });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(fieldOf(refused)).toBe('followerId');
    expect(await tallies()).toEqual(before);
  });

  it('deleting a lead takes it out of both tallies', async () => {
    await client.ok(callers.admin, 'mutation($id: ID!) { deleteLead(id: $id) { id } }', { id: low });
    const kept = await expectConsistent();
    expect(kept.arrivals).toEqual([
      { slot: '2024-06-12T02:00:00.000Z', leads: 1 },
      { slot: '2024-06-12T02:15:00.000Z', leads: 1 },
    ]);
    expect((await overview()).totalLeads).toBe(2);
  });

  it('the rebuild counts leads written around the subgraph (a bulk import, leads from before the tallies)', async () => {
    const at = client.runtime.orm.em.getPlatform().processDateProperty(new Date('2024-06-12T01:59:00Z'));
    await executeSql(
      em(),
      'insert into customer_lead (created_at, updated_at, tenant_id, customer_nickname, lead_time, is_contacted, intention_level, registrant_id, follower_id, is_deal, need_followup, end_followup) values (?, ?, ?, ?, ?, 0, ?, ?, ?, 0, 1, 0)',
      [at, at, Number(TENANT), '导入', at, '高', callers.admin.userId, callers.sales.userId],
    );
    expect((await overview()).totalLeads).toBe(2); // not counted yet
    await (rebuild ? rebuild() : rebuildTally(em(), Number(TENANT)));
    expect(await overview()).toMatchObject({ totalLeads: 3, recentAdditions: { today: 3 } });
    expect((await tallies()).arrivals[0]).toEqual({ slot: '2024-06-12T01:45:00.000Z', leads: 1 });
  });
}
