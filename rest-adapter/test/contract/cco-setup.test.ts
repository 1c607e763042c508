import type { EntityManager } from '@mikro-orm/core';
import { Decimal, forkForTenant } from '@platform/kit';
import { CollectionCase, FieldGroup, Queue, type CollectionsRuntime } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { collectorToken } from '../support/activity-events';
import { call, ccoAdminToken } from '../support/contract';

// CCO admin § 7 (queues), § 9 (fields), § 13.1/13.2 (system config) through the adapter.
const platform = useTestPlatform();
let superadmin: string;
let tenantadmin: string;
let collector: string;
let tenantId: number;

const error = (code: number) => ({ code, message: expect.any(String), data: null });
const naming = (code: number, field: string) => ({ code, message: expect.stringContaining(field), data: null });

/** collections' tables, to arrange the cases a queue counts (cases come with the cases routes). */
const collectionsEm = (): EntityManager => {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as CollectionsRuntime;
  return forkForTenant(runtime.orm.em, null);
};

beforeAll(async () => {
  superadmin = await ccoAdminToken(platform.app, 'superadmin', '123456');
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  collector = (await collectorToken(platform, tenantadmin, 'collector001')).token;
  // A TenantAdmin's tenant list holds only their own tenant (decisions.md).
  tenantId = (await call(platform.app, 'GET', '/api/v1/tenants', { token: tenantadmin })).body.data.items[0].id;
});

const M1 = {
  queue_code: 'M1',
  queue_name: 'M1队列（1-30天）',
  queue_name_en: 'M1 Queue (1-30 days)',
  queue_description: '逾期1-30天的案件',
  overdue_days_start: 1,
  overdue_days_end: 30,
  sort_order: 1,
  is_active: true,
};

describe('/api/v1/queues', () => {
  let m1: number;

  it('POST creates a queue and answers it as the list shows it', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/queues', { token: tenantadmin, body: { tenant_id: tenantId, ...M1 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '创建成功', data: { id: expect.any(Number), ...M1, case_count: 0, assigned_count: 0, unassigned_count: 0 } });
    m1 = res.body.data.id;
    const m2 = await call(platform.app, 'POST', '/api/v1/queues', { token: tenantadmin, body: { queue_code: 'M2', queue_name: 'M2队列', overdue_days_start: 31, overdue_days_end: null, sort_order: 2 } });
    expect(m2.body.data).toMatchObject({ queue_code: 'M2', overdue_days_end: null, queue_name_en: null, is_active: true });
  });

  it('GET lists them in the CCO page, counting open cases, assigned and unassigned', async () => {
    const em = collectionsEm();
    const make = (collectorId: number | null, caseStatus: CollectionCase['caseStatus'] = 'pending_repayment') =>
      em.create(CollectionCase, {
        tenantId, caseCode: `C_${Math.random().toString(36).slice(2, 10)}`, customerId: 'U1', userName: '陈大明', mobile: '+63-917-111-1111',
        loanAmount: new Decimal(5000), dueDate: '2025-10-01', outstandingAmount: new Decimal(5000), overdueDays: 10, queueId: m1, collectorId, caseStatus,
      });
    make(1);
    make(null);
    make(null);
    make(2, 'settled');
    await em.flush();
    const res = await call(platform.app, 'GET', '/api/v1/queues?size=1', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: { total: 2, page: 1, size: 1, items: [{ id: m1, ...M1, case_count: 3, assigned_count: 1, unassigned_count: 2 }] },
    });
    expect((await call(platform.app, 'GET', '/api/v1/queues?is_active=false', { token: tenantadmin })).body.data).toEqual({ total: 0, page: 1, size: 10, items: [] });
    const superView = await call(platform.app, 'GET', `/api/v1/queues?tenant_id=${tenantId}`, { token: superadmin });
    expect(superView.body.data.items.map((q: { queue_code: string }) => q.queue_code)).toEqual(['M1', 'M2']);
  });

  it('an overlapping range is 400 naming the bound; end before start 400; a taken code 409; nothing is created', async () => {
    const overlap = await call(platform.app, 'POST', '/api/v1/queues', { token: tenantadmin, body: { ...M1, queue_code: 'M1B', overdue_days_start: 20, overdue_days_end: 40 } });
    expect(overlap).toMatchObject({ status: 400, body: naming(400, 'overdue_days_start') });
    const below = await call(platform.app, 'POST', '/api/v1/queues', { token: tenantadmin, body: { ...M1, queue_code: 'M0', overdue_days_start: 0, overdue_days_end: 5 } });
    expect(below).toMatchObject({ status: 400, body: naming(400, 'overdue_days_end') });
    const reversed = await call(platform.app, 'POST', '/api/v1/queues', { token: tenantadmin, body: { ...M1, queue_code: 'M0', overdue_days_start: 0, overdue_days_end: -1 } });
    expect(reversed).toMatchObject({ status: 400, body: naming(400, 'overdue_days_end') });
    const wrongType = await call(platform.app, 'POST', '/api/v1/queues', { token: tenantadmin, body: { ...M1, queue_code: 'M0', overdue_days_start: 'one' } });
    expect(wrongType).toMatchObject({ status: 400, body: naming(400, 'overdue_days_start') });
    expect(await call(platform.app, 'POST', '/api/v1/queues', { token: tenantadmin, body: { ...M1, overdue_days_start: 0, overdue_days_end: 0 } })).toMatchObject({ status: 409, body: error(409) });
    expect((await call(platform.app, 'GET', '/api/v1/queues', { token: tenantadmin })).body.data.total).toBe(2);
    expect(await collectionsEm().count(Queue, { tenantId })).toBe(2);
  });

  it('401 without a token, 403 for a collector and for another tenant, 400 naming tenant_id for a super admin without one', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/queues')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/queues', { token: collector })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'POST', '/api/v1/queues', { token: collector, body: { ...M1, queue_code: 'M9', overdue_days_start: 500, overdue_days_end: 600 } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'POST', '/api/v1/queues', { body: M1 })).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'POST', '/api/v1/queues', { token: tenantadmin, body: { ...M1, tenant_id: tenantId + 1000, queue_code: 'M9' } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', `/api/v1/queues?tenant_id=${tenantId + 1000}`, { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'POST', '/api/v1/queues', { token: superadmin, body: { ...M1, queue_code: 'M9' } })).toMatchObject({ status: 400, body: naming(400, 'tenant_id') });
  });

  it('GET /queues/{id}/config answers the standard fields by default, then the queue’s own; 404 for an unknown queue; 401; 403', async () => {
    const res = await call(platform.app, 'GET', `/api/v1/queues/${m1}/config`, { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ queue_id: m1, queue_name: M1.queue_name, source: 'standard' });
    expect(res.body.data.field_configs[0]).toEqual({ field_key: 'case_code', is_visible: true, is_required: true, sort_order: 1 });
    expect(res.body.data.field_configs).toHaveLength(32);
    expect(await call(platform.app, 'GET', '/api/v1/queues/999999/config', { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'GET', '/api/v1/queues/abc/config', { token: tenantadmin })).toMatchObject({ status: 400, body: naming(400, 'queue_id') });
    expect(await call(platform.app, 'GET', `/api/v1/queues/${m1}/config`)).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', `/api/v1/queues/${m1}/config`, { token: collector })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('/api/v1/fields and /api/v1/field-groups', () => {
  it('GET /fields/standard lists the seeded standard fields in order with their group names', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/fields/standard', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body.data.items).toHaveLength(32);
    expect(res.body.data.items[1]).toEqual({
      id: expect.any(Number), field_key: 'user_name', field_name: '客户姓名', field_name_en: 'Customer Name', field_type: 'String',
      field_group_id: expect.any(Number), field_group_name: '客户基础信息', is_required: true, is_extended: false, sort_order: 2, is_active: true,
    });
    const group = res.body.data.items[1].field_group_id;
    const filtered = await call(platform.app, 'GET', `/api/v1/fields/standard?field_group_id=${group}&is_active=true`, { token: tenantadmin });
    expect(filtered.body.data.items.map((f: { field_key: string }) => f.field_key)).toEqual(['case_code', 'user_name', 'mobile', 'id_number', 'email', 'address', 'gender', 'date_of_birth']);
    expect(await call(platform.app, 'GET', '/api/v1/fields/standard')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/fields/standard', { token: collector })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', '/api/v1/fields/standard?field_group_id=x', { token: tenantadmin })).toMatchObject({ status: 400, body: naming(400, 'field_group_id') });
  });

  it('PUT /fields/standard/order puts the listed fields first in that order (SuperAdmin); bad ids 400 naming field_ids, unchanged', async () => {
    const before = (await call(platform.app, 'GET', '/api/v1/fields/standard', { token: superadmin })).body.data.items as Array<{ id: number; field_key: string }>;
    const [a, b, c] = before;
    const res = await call(platform.app, 'PUT', '/api/v1/fields/standard/order', { token: superadmin, body: { field_ids: [c.id, a.id, b.id] } });
    expect(res).toMatchObject({ status: 200, body: { code: 200, message: '更新成功' } });
    const after = (await call(platform.app, 'GET', '/api/v1/fields/standard', { token: superadmin })).body.data.items;
    expect(after.slice(0, 3).map((f: { field_key: string; sort_order: number }) => [f.field_key, f.sort_order])).toEqual([[c.field_key, 1], [a.field_key, 2], [b.field_key, 3]]);

    expect(await call(platform.app, 'PUT', '/api/v1/fields/standard/order', { token: superadmin, body: { field_ids: [a.id, 999999] } })).toMatchObject({ status: 400, body: naming(400, 'field_ids') });
    expect(await call(platform.app, 'PUT', '/api/v1/fields/standard/order', { token: superadmin, body: { field_ids: 'all' } })).toMatchObject({ status: 400, body: naming(400, 'field_ids') });
    expect(await call(platform.app, 'PUT', '/api/v1/fields/standard/order', { token: tenantadmin, body: { field_ids: [a.id] } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'PUT', '/api/v1/fields/standard/order', { token: collector, body: { field_ids: [a.id] } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'PUT', '/api/v1/fields/standard/order', { body: { field_ids: [a.id] } })).toMatchObject({ status: 401, body: error(401) });
    expect((await call(platform.app, 'GET', '/api/v1/fields/standard', { token: superadmin })).body.data.items).toEqual(after);
  });

  it('GET /field-groups answers the groups as a tree with their field counts', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/field-groups', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body.data.items).toHaveLength(4);
    expect(res.body.data.items[0]).toEqual({ id: expect.any(Number), group_key: 'customer_basic', group_name: '客户基础信息', group_name_en: 'Customer Basic Info', parent_id: null, children: [], field_count: 8 });
    expect(res.body.data.items.map((g: { field_count: number }) => g.field_count)).toEqual([8, 7, 8, 9]);
    // A sub-group (the platform seeds none yet) nests under its parent.
    const em = collectionsEm();
    em.create(FieldGroup, { groupKey: 'customer_contacts', groupName: '联系人信息', groupNameEn: 'Contacts', parentId: res.body.data.items[0].id, sortOrder: 9 });
    await em.flush();
    const tree = (await call(platform.app, 'GET', '/api/v1/field-groups', { token: tenantadmin })).body.data.items;
    expect(tree).toHaveLength(4);
    expect(tree[0].children).toEqual([{ id: expect.any(Number), group_key: 'customer_contacts', group_name: '联系人信息', group_name_en: 'Contacts', parent_id: tree[0].id, children: [], field_count: 0 }]);
    expect(await call(platform.app, 'GET', '/api/v1/field-groups')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/field-groups', { token: collector })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('/api/v1/field-display', () => {
  const FIELDS = [
    { field_key: 'case_code', field_name: '案件编号', field_data_type: 'String', field_source: 'standard', sort_order: 1, display_width: 150, color_type: 'normal', is_searchable: true, is_filterable: false, is_range_searchable: false },
    { field_key: 'vip_level', field_name: 'VIP等级', field_data_type: 'String', field_source: 'custom', sort_order: 2, display_width: null, color_type: 'red', is_searchable: false, is_filterable: true, is_range_searchable: false },
  ];

  it('POST batch replaces the scene’s configuration; GET answers it; the queue config falls back to admin_case_list', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/field-display/batch', { token: tenantadmin, body: { tenant_id: tenantId, scene_type: 'admin_case_list', fields: FIELDS } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '保存成功', data: { scene_type: 'admin_case_list', items: FIELDS } });
    const read = await call(platform.app, 'GET', `/api/v1/field-display?tenant_id=${tenantId}&scene_type=admin_case_list`, { token: tenantadmin });
    expect(read.body).toEqual({ code: 200, message: 'success', data: { scene_type: 'admin_case_list', items: FIELDS } });
    expect((await call(platform.app, 'GET', '/api/v1/field-display?scene_type=export', { token: tenantadmin })).body.data).toEqual({ scene_type: 'export', items: [] });
    const queues = (await call(platform.app, 'GET', '/api/v1/queues', { token: tenantadmin })).body.data.items;
    const config = await call(platform.app, 'GET', `/api/v1/queues/${queues[0].id}/config`, { token: tenantadmin });
    expect(config.body.data).toMatchObject({ source: 'tenant_display', field_configs: [{ field_key: 'case_code', is_visible: true, is_required: true, sort_order: 1 }, { field_key: 'vip_level', is_visible: true, is_required: false, sort_order: 2 }] });
  });

  it('bad input is 400 naming the field and changes nothing; 401; 403 for a collector and another tenant; 404 reading another', async () => {
    const post = (token: string | undefined, body: unknown) => call(platform.app, 'POST', '/api/v1/field-display/batch', { token, body });
    expect(await post(tenantadmin, { scene_type: 'lobby', fields: FIELDS })).toMatchObject({ status: 400, body: naming(400, 'scene_type') });
    expect(await post(tenantadmin, { scene_type: 'admin_case_list', fields: [{ ...FIELDS[0], color_type: 'pink' }] })).toMatchObject({ status: 400, body: naming(400, 'color_type') });
    expect(await post(tenantadmin, { scene_type: 'admin_case_list', fields: [{ ...FIELDS[0], field_key: 'not_standard' }] })).toMatchObject({ status: 400, body: naming(400, 'field_key') });
    expect(await post(tenantadmin, { scene_type: 'admin_case_list', fields: [FIELDS[0], FIELDS[0]] })).toMatchObject({ status: 400, body: naming(400, 'field_key') });
    expect(await post(undefined, { scene_type: 'admin_case_list', fields: [] })).toMatchObject({ status: 401, body: error(401) });
    expect(await post(collector, { scene_type: 'admin_case_list', fields: [] })).toMatchObject({ status: 403, body: error(403) });
    expect(await post(tenantadmin, { tenant_id: tenantId + 1000, scene_type: 'admin_case_list', fields: [] })).toMatchObject({ status: 403, body: error(403) });
    expect(await post(superadmin, { scene_type: 'admin_case_list', fields: [] })).toMatchObject({ status: 400, body: naming(400, 'tenant_id') });
    const read = await call(platform.app, 'GET', '/api/v1/field-display?scene_type=admin_case_list', { token: tenantadmin });
    expect(read.body.data.items).toEqual(FIELDS);
    expect(await call(platform.app, 'GET', '/api/v1/field-display', { token: tenantadmin })).toMatchObject({ status: 400, body: naming(400, 'scene_type') });
    expect(await call(platform.app, 'GET', '/api/v1/field-display?scene_type=export')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/field-display?scene_type=export', { token: collector })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', `/api/v1/field-display?scene_type=export&tenant_id=${tenantId + 1000}`, { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
  });
});

describe('/api/v1/system/config', () => {
  const DEFAULTS = {
    penalty_cap_rate: 0.15,
    default_auto_assign_strategy: 'balanced',
    idle_threshold_minutes: 30,
    max_cases_per_collector: 150,
    ptp_grace_days: 0,
    ptp_max_days: 30,
    case_recall_unassigns: true,
    sms_device_verification: false,
    currency_code: 'PHP',
  };

  it('GET answers every setting with its documented default', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/system/config', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: 'success', data: { tenant_id: tenantId, ...DEFAULTS, time_zone: expect.any(String) } });
  });

  it('PUT changes the keys sent and answers every setting', async () => {
    const res = await call(platform.app, 'PUT', '/api/v1/system/config', { token: tenantadmin, body: { penalty_cap_rate: 0.2, default_auto_assign_strategy: 'performance' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '更新成功', data: { tenant_id: tenantId, ...DEFAULTS, penalty_cap_rate: 0.2, default_auto_assign_strategy: 'performance', time_zone: expect.any(String) } });
    expect((await call(platform.app, 'GET', `/api/v1/system/config?tenant_id=${tenantId}`, { token: superadmin })).body.data.penalty_cap_rate).toBe(0.2);
  });

  it('an unknown key, a wrong type, a value out of range or time_zone is 400 naming it and changes nothing', async () => {
    const put = (body: unknown) => call(platform.app, 'PUT', '/api/v1/system/config', { token: tenantadmin, body });
    expect(await put({ penalty_cap_rate: 0.3, penalty_rate: 0.1 })).toMatchObject({ status: 400, body: naming(400, 'penalty_rate') });
    expect(await put({ penalty_cap_rate: 0.3, idle_threshold_minutes: 'soon' })).toMatchObject({ status: 400, body: naming(400, 'idle_threshold_minutes') });
    expect(await put({ penalty_cap_rate: 1.5 })).toMatchObject({ status: 400, body: naming(400, 'penalty_cap_rate') });
    expect(await put({ default_auto_assign_strategy: 'random' })).toMatchObject({ status: 400, body: naming(400, 'default_auto_assign_strategy') });
    expect(await put({ time_zone: 'Asia/Manila' })).toMatchObject({ status: 400, body: naming(400, 'time_zone') });
    const now = await call(platform.app, 'GET', '/api/v1/system/config', { token: tenantadmin });
    expect(now.body.data).toMatchObject({ penalty_cap_rate: 0.2, idle_threshold_minutes: 30, default_auto_assign_strategy: 'performance' });
  });

  it('401 without a token, 403 for a collector (read and write) and for another tenant; 404 reading another; super admin names a tenant', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/system/config')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'PUT', '/api/v1/system/config', { body: {} })).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/system/config', { token: collector })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'PUT', '/api/v1/system/config', { token: collector, body: { ptp_grace_days: 1 } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'PUT', '/api/v1/system/config', { token: tenantadmin, body: { tenant_id: tenantId + 1000, ptp_grace_days: 1 } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', `/api/v1/system/config?tenant_id=${tenantId + 1000}`, { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'GET', '/api/v1/system/config', { token: superadmin })).toMatchObject({ status: 400, body: naming(400, 'tenant_id') });
    expect((await call(platform.app, 'GET', '/api/v1/system/config', { token: tenantadmin })).body.data.ptp_grace_days).toBe(0);
  });
});
