import { randomUUID } from 'node:crypto';
import type { BusEvent } from '@platform/kit';
import { callers, codeOf, fieldOf, LeadsClient, OTHER_TENANT, outsider, TENANT } from './support/harness';

// What leads learns from identity's events besides the directory: each tenant's zone (tenant.changed) and who holds
// the sales role (user.created / user.updated), since only a sales user may follow a lead up.
let client: LeadsClient;
beforeAll(async () => {
  // The env default is not the tenant's zone: the event must win over it.
  client = await LeadsClient.start({ LEADS_TIME_ZONE: 'UTC' });
});
afterAll(() => client.close());

let clock = Date.parse('2030-01-01T00:00:00Z');
/** Events later than the harness's announcements (stamped with the real time), each later than the one before. */
const event = (topic: string, tenantId: string, aggregateId: string, payload: unknown, occurredAt = new Date((clock += 1000)).toISOString()): BusEvent => ({
  id: randomUUID(),
  topic,
  tenantId,
  aggregateId,
  payload,
  occurredAt,
});
const tenantChanged = (zone: string, occurredAt?: string) =>
  event('tenant.changed', TENANT, TENANT, { tenantId: Number(TENANT), code: 'DEMO', zone }, occurredAt);
const userUpdated = (userId: string, roles: string[]) =>
  event('user.updated', TENANT, userId, { userId: Number(userId), username: `u${userId}`, fullName: null, positionId: null, roles, status: 'active' });

/** Publishes, then waits until `probe` answers what is expected (consumers run asynchronously). */
async function publishUntil<T>(events: BusEvent[], probe: () => Promise<T>, expected: T): Promise<void> {
  await client.runtime.bus.publish(events);
  for (let i = 0; i < 300; i++) {
    try {
      expect(await probe()).toEqual(expected);
      return;
    } catch (error) {
      if (i === 299) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const SETTINGS = '{ leadsSettings { timeZone timeZoneSource tenantZone } }';
const settings = async () => (await client.ok(callers.service, SETTINGS)).leadsSettings;

describe("the tenant's zone", () => {
  it('is LEADS_TIME_ZONE until identity announces the tenant', async () => {
    expect(await settings()).toEqual({ timeZone: 'UTC', timeZoneSource: 'default', tenantZone: null });
  });

  it("identity's tenant.changed wins over LEADS_TIME_ZONE, and the statistics and local times follow it", async () => {
    await publishUntil([tenantChanged('Europe/London')], settings, { timeZone: 'Europe/London', timeZoneSource: 'identity', tenantZone: 'Europe/London' });
    expect((await client.ok(callers.admin, '{ leadsOverview { timeZone } }')).leadsOverview.timeZone).toBe('Europe/London');
    // 10:00 in London (BST) is 09:00 UTC.
    const id = await client.createLead(callers.service, { leadTime: '2024-06-01 10:00:00', createFollowUp: false });
    const lead = await client.ok(callers.service, 'query($id: ID!) { lead(id: $id) { leadTime } }', { id });
    expect(lead.lead.leadTime).toBe('2024-06-01T09:00:00.000Z');
  });

  it("another tenant's announcement changes nothing here", async () => {
    const other = event('tenant.changed', OTHER_TENANT, OTHER_TENANT, { tenantId: Number(OTHER_TENANT), code: 'OTHER', zone: 'Asia/Tokyo' });
    await publishUntil([other], async () => (await client.ok(outsider, SETTINGS)).leadsSettings.timeZone, 'Asia/Tokyo');
    expect((await settings()).timeZone).toBe('Europe/London');
  });

  it("an admin's zone for leads wins over identity's until it is cleared", async () => {
    const set = await client.ok(callers.admin, 'mutation { updateLeadsSettings(timeZone: "Asia/Shanghai") { timeZone timeZoneSource tenantZone } }');
    expect(set.updateLeadsSettings).toEqual({ timeZone: 'Asia/Shanghai', timeZoneSource: 'admin', tenantZone: 'Europe/London' });
    await publishUntil([tenantChanged('America/New_York')], async () => (await settings()).tenantZone, 'America/New_York');
    expect(await settings()).toEqual({ timeZone: 'Asia/Shanghai', timeZoneSource: 'admin', tenantZone: 'America/New_York' });
    const cleared = await client.ok(callers.admin, 'mutation { updateLeadsSettings(timeZone: null) { timeZone timeZoneSource } }');
    expect(cleared.updateLeadsSettings).toEqual({ timeZone: 'America/New_York', timeZoneSource: 'identity' });
  });

  it('ignores an older announcement and a zone it cannot use', async () => {
    const stale = tenantChanged('Australia/Sydney', '2029-01-01T00:00:00Z');
    const bogus = tenantChanged('Mars/Olympus');
    const marker = event('tenant.changed', OTHER_TENANT, OTHER_TENANT, { tenantId: Number(OTHER_TENANT), code: 'OTHER', zone: 'Asia/Seoul' });
    // Handled in order: once the marker (published last) is applied, the two before it have been too.
    await publishUntil([stale, bogus, marker], async () => (await client.ok(outsider, SETTINGS)).leadsSettings.timeZone, 'Asia/Seoul');
    expect(await settings()).toEqual({ timeZone: 'America/New_York', timeZoneSource: 'identity', tenantZone: 'America/New_York' });
  });
});

describe('the follower', () => {
  const CREATE = 'mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id followerId } } }';
  const create = (followerId: string) =>
    client.run(callers.service, CREATE, { input: { customerNickname: '赵六', intentionLevel: '中', followerId, createFollowUp: false } });
  const total = async () => (await client.ok(callers.admin, '{ leads { total } }')).leads.total as number;

  it.each([
    ['an admin', callers.admin.userId],
    ['a service user', callers.service.userId],
    ['a user of no sales role', callers.user.userId],
  ])('must be a sales user: %s is BAD_USER_INPUT naming followerId, and nothing is created', async (_who, followerId) => {
    const before = await total();
    const result = await create(followerId);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(fieldOf(result)).toBe('followerId');
    expect(await total()).toBe(before);
  });

  it('a reassignment to someone who is not a sales user is refused, and the follower stays', async () => {
    const id = await client.createLead(callers.admin, { createFollowUp: false });
    const result = await client.run(callers.admin, 'mutation($id: ID!) { updateLead(id: $id, input: { followerId: "11", intentionLevel: "低" }) { lead { id } } }', { id });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(fieldOf(result)).toBe('followerId');
    expect((await client.ok(callers.admin, 'query($id: ID!) { lead(id: $id) { followerId intentionLevel } }', { id })).lead).toEqual({
      followerId: callers.sales.userId,
      intentionLevel: '高',
    });
    const moved = await client.ok(callers.admin, 'mutation($id: ID!) { updateLead(id: $id, input: { followerId: "13" }) { lead { followerId } } }', { id });
    expect(moved.updateLead.lead.followerId).toBe(callers.sales2.userId);
  });

  it("follows identity's user.updated: a role taken away or given changes who may follow leads", async () => {
    const sales2 = callers.sales2.userId;
    const service = callers.service.userId;
    await publishUntil([userUpdated(sales2, ['service']), userUpdated(service, ['service', 'sales'])], async () => [codeOf(await create(sales2)), codeOf(await create(service))], [
      'BAD_USER_INPUT',
      undefined,
    ]);
    // An older announcement (identity's events may arrive late) does not undo a newer one.
    const late = { ...userUpdated(sales2, ['sales']), occurredAt: '2029-06-01T00:00:00Z' };
    const marker = userUpdated(callers.user.userId, ['user']);
    await publishUntil([late, marker], async () => codeOf(await create(callers.user.userId)), 'BAD_USER_INPUT');
    expect(codeOf(await create(sales2))).toBe('BAD_USER_INPUT');
  });

  it("a sales user of another tenant is NOT_FOUND, as the directory answers", async () => {
    expect(codeOf(await create(outsider.userId))).toBe('NOT_FOUND');
  });
});
