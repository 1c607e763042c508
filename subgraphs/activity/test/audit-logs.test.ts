import { SqlCounter } from '@platform/kit';
import { ActivityClient, callers, codeOf, OTHER_TENANT, outsider, TENANT } from './support/harness';
import { auditRecorded, settle, tenantChanged } from './support/events';

const { admin, alice, superAdmin, tenantAdmin } = callers;
const counter = new SqlCounter();

const LOGS = /* GraphQL */ `
  query Logs($tenant: String, $resourceType: String, $resourceId: ID, $actorId: ID, $from: DateTimeISO, $to: DateTimeISO, $page: Int, $pageSize: Int) {
    auditLogs(tenant: $tenant, resourceType: $resourceType, resourceId: $resourceId, actorId: $actorId, from: $from, to: $to, page: $page, pageSize: $pageSize) {
      total page pageSize
      items { tenantId source actorId actorName action resourceType resourceId before after summary requestId occurredAt }
    }
  }
`;

let client: ActivityClient;
beforeAll(async () => {
  client = await ActivityClient.start({ REMINDER_POLL_SECONDS: '0' }, { sqlCounter: counter });
  const day = (d: number) => new Date(Date.UTC(2026, 5, d, 12));
  await client.bus.publish([
    tenantChanged(1, 'DEMO', 'Asia/Manila'),
    tenantChanged(2, 'OTHER', 'UTC'),
    auditRecorded(TENANT, { action: 'create', resourceId: '1', after: { customer_name: '张三' }, summary: '新增线索 张三' }, day(1)),
    auditRecorded(TENANT, { action: 'update', resourceId: '1', before: { intention_level: '低' }, after: { intention_level: '高' } }, day(2)),
    auditRecorded(TENANT, { action: 'create', resourceType: 'worklog', resourceId: '9', source: 'worklogs', actorId: '11', actorName: 'alice' }, day(3)),
    auditRecorded(OTHER_TENANT, { action: 'create', resourceId: '1', actorId: outsider.userId }, day(2)),
  ]);
  await settle(client);
});
afterAll(() => client.close());

test('every subgraph\'s audit.recorded is one entry, newest first, in its tenant only', async () => {
  const { auditLogs } = await client.ok(admin, LOGS);
  expect(auditLogs).toMatchObject({ total: 3, page: 1, pageSize: 20 });
  expect(auditLogs.items.map((e: { action: string; resourceType: string }) => `${e.resourceType}:${e.action}`)).toEqual(['worklog:create', 'lead:update', 'lead:create']);
  expect(auditLogs.items[1]).toEqual({
    tenantId: TENANT,
    source: 'leads',
    actorId: '3',
    actorName: 'admin',
    action: 'update',
    resourceType: 'lead',
    resourceId: '1',
    before: { intention_level: '低' },
    after: { intention_level: '高' },
    summary: null,
    requestId: 'req-1',
    occurredAt: '2026-06-02T12:00:00.000Z',
  });
});

test('filters: resource type and id, actor, date range; pages', async () => {
  const byResource = (await client.ok(admin, LOGS, { resourceType: 'lead', resourceId: '1' })).auditLogs;
  expect(byResource.total).toBe(2);
  expect((await client.ok(admin, LOGS, { actorId: '11' })).auditLogs.items.map((e: { resourceId: string }) => e.resourceId)).toEqual(['9']);
  const window = (await client.ok(admin, LOGS, { from: '2026-06-02T00:00:00Z', to: '2026-06-03T00:00:00Z' })).auditLogs;
  expect(window.items.map((e: { action: string }) => e.action)).toEqual(['update']);
  const page2 = (await client.ok(admin, LOGS, { page: 2, pageSize: 2 })).auditLogs;
  expect(page2).toMatchObject({ total: 3, page: 2, items: [{ action: 'create', resourceType: 'lead' }] });
});

test('a redelivered audit event is kept once', async () => {
  const event = auditRecorded(TENANT, { action: 'delete', resourceId: '77' });
  await client.bus.publish([event, event]);
  await settle(client);
  expect((await client.ok(tenantAdmin, LOGS, { resourceId: '77' })).auditLogs.total).toBe(1);
});

test("tenant by id or code (003's X-Tenant-Id): the caller's own; another is FORBIDDEN; the platform names any", async () => {
  expect((await client.ok(admin, LOGS, { tenant: 'DEMO', resourceType: 'lead', resourceId: '1' })).auditLogs.total).toBe(2);
  expect((await client.ok(admin, LOGS, { tenant: TENANT, resourceType: 'lead', resourceId: '1' })).auditLogs.total).toBe(2);
  expect(codeOf(await client.run(admin, LOGS, { tenant: 'OTHER' }))).toBe('FORBIDDEN');
  expect(codeOf(await client.run(admin, LOGS, { tenant: OTHER_TENANT }))).toBe('FORBIDDEN');
  expect(codeOf(await client.run(admin, LOGS, { tenant: ' ' }))).toBe('BAD_USER_INPUT');
  const other = (await client.ok(superAdmin, LOGS, { tenant: 'OTHER' })).auditLogs;
  expect(other.items.map((e: { tenantId: string; actorId: string }) => [e.tenantId, e.actorId])).toEqual([[OTHER_TENANT, outsider.userId]]);
  expect(codeOf(await client.run(superAdmin, LOGS, { tenant: 'NOPE' }))).toBe('NOT_FOUND');
});

test('readable by tenant admins and audit:read holders only', async () => {
  expect(codeOf(await client.run(alice, LOGS))).toBe('FORBIDDEN');
  const auditor = { ...alice, userId: '15', permissions: ['audit:read'] };
  expect((await client.ok(auditor, LOGS)).auditLogs.total).toBeGreaterThanOrEqual(3);
});

test('a page costs the same statements for 2 entries as for 20', async () => {
  const many = Array.from({ length: 30 }, (_, i) => auditRecorded(TENANT, { resourceType: 'bulk', resourceId: String(i) }));
  await client.bus.publish(many);
  await settle(client);
  const statements = async (pageSize: number) => {
    counter.reset();
    await client.ok(admin, LOGS, { resourceType: 'bulk', pageSize });
    return counter.count;
  };
  const two = await statements(2);
  expect(await statements(20)).toBe(two);
  expect(two).toBeLessThanOrEqual(3);
});
