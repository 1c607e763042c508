import { Queue, queueForOverdueDays } from '@platform/collections';
import { makeCase } from './support/case-fixtures';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  const { M1, M2 } = org.queues;
  const { c1, c3, c4 } = org.collectors;
  // M1: 3 open cases (2 assigned: c1 in A1, c4 in A2) and a settled one (not counted); M2: one unassigned case of A1.
  await makeCase(client, { queueId: M1.id, collector: c1 });
  await makeCase(client, { queueId: M1.id, collector: c4 });
  await makeCase(client, { queueId: M1.id, agencyId: org.agencies.A1.id });
  await makeCase(client, { queueId: M1.id, collector: c3, status: 'settled' });
  await makeCase(client, { queueId: M2.id, agencyId: org.agencies.A1.id, overdueDays: 40 });
});
afterAll(() => client.close());

const LIST = 'query($t: ID, $a: Boolean) { queues(tenantId: $t, isActive: $a) { total items { id tenantId queueCode queueName overdueDaysStart overdueDaysEnd sortOrder isActive caseCount assignedCount unassignedCount } } }';
const CREATE = 'mutation($i: CreateQueueInput!) { createQueue(input: $i) { id tenantId queueCode queueName queueNameEn queueDescription overdueDaysStart overdueDaysEnd sortOrder isActive } }';
const CONFIG = 'query($q: ID!) { queueConfig(queueId: $q) { queueId queueName source fieldConfigs { fieldKey isVisible isRequired sortOrder } } }';
const SET_CONFIG = 'mutation($q: ID!, $f: [QueueFieldConfigInput!]!) { setQueueFieldConfig(input: { queueId: $q, fields: $f }) { source fieldConfigs { fieldKey isVisible isRequired sortOrder } } }';

type QueueRow = { queueCode: string; caseCount: number; assignedCount: number; unassignedCount: number };
const counts = (items: QueueRow[]) => Object.fromEntries(items.map((q) => [q.queueCode, [q.caseCount, q.assignedCount, q.unassignedCount]]));

describe('queues list', () => {
  it('lists the tenant’s queues by sort order with open case counts, assigned and unassigned', async () => {
    const { queues } = await client.ok(org.callers.tenantAdmin, LIST);
    expect(queues.total).toBe(3);
    expect(queues.items[0]).toEqual({
      id: String(org.queues.M1.id), tenantId: '1', queueCode: 'M1', queueName: 'M1队列', overdueDaysStart: 1, overdueDaysEnd: 30,
      sortOrder: 1, isActive: true, caseCount: 3, assignedCount: 2, unassignedCount: 1,
    });
    expect(counts(queues.items)).toEqual({ M1: [3, 2, 1], M2: [1, 0, 1], M3: [0, 0, 0] });
  });

  it('an agency admin counts their agency’s cases only; a team leader their team’s', async () => {
    expect(counts((await client.ok(org.callers.agencyAdmin, LIST)).queues.items)).toEqual({ M1: [2, 1, 1], M2: [1, 0, 1], M3: [0, 0, 0] });
    expect(counts((await client.ok(org.callers.teamLeader, LIST)).queues.items)).toEqual({ M1: [1, 1, 0], M2: [0, 0, 0], M3: [0, 0, 0] });
  });

  it('filters by is_active; the super admin sees every tenant or the one named; another tenant is NOT_FOUND', async () => {
    await client.ok(org.callers.tenantAdmin, CREATE, { i: { queueCode: 'OLD', queueName: '旧队列', overdueDaysStart: 1, overdueDaysEnd: 10, isActive: false } });
    expect((await client.ok(org.callers.tenantAdmin, LIST, { a: false })).queues.items.map((q: QueueRow) => q.queueCode)).toEqual(['OLD']);
    await client.ok(org.callers.superAdmin, CREATE, { i: { tenantId: '2', queueCode: 'X1', queueName: 'X', overdueDaysStart: 1 } });
    expect((await client.ok(org.callers.superAdmin, LIST, { t: '2' })).queues.items.map((q: QueueRow) => q.queueCode)).toEqual(['X1']);
    expect((await client.ok(org.callers.superAdmin, LIST)).queues.total).toBe(5);
    expect(codeOf(await client.run(org.callers.tenantAdmin, LIST, { t: '2' }))).toBe('NOT_FOUND');
  });
});

describe('createQueue', () => {
  it('an overdue range overlapping another active queue is BAD_USER_INPUT naming the bound; end before start too; nothing is created', async () => {
    const cases = [
      [{ overdueDaysStart: 20, overdueDaysEnd: 35 }, 'overdueDaysStart'],
      [{ overdueDaysStart: 0, overdueDaysEnd: 5 }, 'overdueDaysEnd'],
      [{ overdueDaysStart: 1000 }, 'overdueDaysStart'],
      [{ overdueDaysStart: 700, overdueDaysEnd: 600 }, 'overdueDaysEnd'],
    ] as const;
    for (const [range, field] of cases) {
      const result = await client.run(org.callers.tenantAdmin, CREATE, { i: { queueCode: 'BAD', queueName: 'x', ...range } });
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', field]);
      expect(result.errors?.[0]?.message).toMatch(/overlaps|at least/);
    }
    expect(await client.em().count(Queue, { queueCode: 'BAD' })).toBe(0);
  });

  it('creates a queue in the caller’s tenant (0 days: the one range still free) and answers it', async () => {
    const input = { queueCode: 'M9', queueName: 'M9队列', queueNameEn: 'M9 Queue', queueDescription: '测试', overdueDaysStart: 0, overdueDaysEnd: 0, sortOrder: 9 };
    const { createQueue } = await client.ok(org.callers.tenantAdmin, CREATE, { i: input });
    expect(createQueue).toEqual({ id: expect.any(String), tenantId: '1', ...input, isActive: true });
  });

  it('an inactive queue may overlap; a taken code is CONFLICT; another tenant is FORBIDDEN; the super admin must name one', async () => {
    const inactive = await client.run(org.callers.tenantAdmin, CREATE, { i: { queueCode: 'SPARE', queueName: 'x', overdueDaysStart: 5, overdueDaysEnd: 9, isActive: false } });
    expect(inactive.errors).toBeUndefined();
    expect(codeOf(await client.run(org.callers.tenantAdmin, CREATE, { i: { queueCode: 'M1', queueName: 'x', overdueDaysStart: 2000 } }))).toBe('CONFLICT');
    expect(codeOf(await client.run(org.callers.tenantAdmin, CREATE, { i: { tenantId: '2', queueCode: 'Z', queueName: 'x', overdueDaysStart: 2000 } }))).toBe('FORBIDDEN');
    const noTenant = await client.run(org.callers.superAdmin, CREATE, { i: { queueCode: 'Z', queueName: 'x', overdueDaysStart: 2000 } });
    expect([codeOf(noTenant), fieldOf(noTenant)]).toEqual(['BAD_USER_INPUT', 'tenant_id']);
  });
});

describe('queue field configuration', () => {
  it('without its own: the standard fields in order; then the tenant’s admin_case_list display; then its own', async () => {
    const q = String(org.queues.M2.id);
    const standard = (await client.ok(org.callers.teamLeader, CONFIG, { q })).queueConfig;
    expect(standard).toMatchObject({ queueId: q, queueName: 'M2队列', source: 'standard' });
    expect(standard.fieldConfigs.slice(0, 2)).toEqual([
      { fieldKey: 'case_code', isVisible: true, isRequired: true, sortOrder: 1 },
      { fieldKey: 'user_name', isVisible: true, isRequired: true, sortOrder: 2 },
    ]);
    expect(standard.fieldConfigs.find((f: { fieldKey: string }) => f.fieldKey === 'email')).toEqual({ fieldKey: 'email', isVisible: true, isRequired: false, sortOrder: 5 });

    await client.ok(org.callers.tenantAdmin, 'mutation { setFieldDisplay(input: { sceneType: "admin_case_list", fields: [{ fieldKey: "overdue_days", fieldName: "逾期" }, { fieldKey: "email", fieldName: "邮箱" }] }) { id } }');
    expect((await client.ok(org.callers.tenantAdmin, CONFIG, { q })).queueConfig).toMatchObject({
      source: 'tenant_display',
      fieldConfigs: [
        { fieldKey: 'overdue_days', isVisible: true, isRequired: true, sortOrder: 1 },
        { fieldKey: 'email', isVisible: true, isRequired: false, sortOrder: 2 },
      ],
    });

    const own = await client.ok(org.callers.tenantAdmin, SET_CONFIG, { q, f: [{ fieldKey: 'case_code', isRequired: true }, { fieldKey: 'mobile', isVisible: false }] });
    expect(own.setQueueFieldConfig).toEqual({
      source: 'queue',
      fieldConfigs: [
        { fieldKey: 'case_code', isVisible: true, isRequired: true, sortOrder: 1 },
        { fieldKey: 'mobile', isVisible: false, isRequired: false, sortOrder: 2 },
      ],
    });
    expect((await client.ok(org.callers.agencyAdmin, CONFIG, { q })).queueConfig.source).toBe('queue');
  });

  it('an unknown field is BAD_USER_INPUT naming it and keeps the configuration; another tenant’s queue is null / NOT_FOUND', async () => {
    const q = String(org.queues.M2.id);
    const bad = await client.run(org.callers.tenantAdmin, SET_CONFIG, { q, f: [{ fieldKey: 'case_code' }, { fieldKey: 'nope' }] });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'fields.1.fieldKey']);
    expect((await client.ok(org.callers.tenantAdmin, CONFIG, { q })).queueConfig.fieldConfigs.map((f: { fieldKey: string }) => f.fieldKey)).toEqual(['case_code', 'mobile']);
    expect((await client.ok(org.callers.otherTenantAdmin, CONFIG, { q })).queueConfig).toBeNull();
    expect(codeOf(await client.run(org.callers.otherTenantAdmin, SET_CONFIG, { q, f: [] }))).toBe('NOT_FOUND');
    const negative = await client.run(org.callers.tenantAdmin, SET_CONFIG, { q, f: [{ fieldKey: 'case_code', sortOrder: -1 }] });
    expect([codeOf(negative), fieldOf(negative)]).toEqual(['BAD_USER_INPUT', 'fields.0.sortOrder']);
  });
});

describe('queueForOverdueDays', () => {
  it('finds the active queue whose range holds the days (open-ended last queue included), else null', async () => {
    const em = client.em();
    expect((await queueForOverdueDays(em, 1, 1))?.queueCode).toBe('M1');
    expect((await queueForOverdueDays(em, 1, 30))?.queueCode).toBe('M1');
    expect((await queueForOverdueDays(em, 1, 31))?.queueCode).toBe('M2');
    expect((await queueForOverdueDays(em, 1, 365))?.queueCode).toBe('M3');
    expect((await queueForOverdueDays(em, 1, 0))?.queueCode).toBe('M9');
    expect(await queueForOverdueDays(em, 1, -1)).toBeNull();
    expect(await queueForOverdueDays(client.em(null), 2, 15)).toMatchObject({ queueCode: 'X1' });
  });
});
