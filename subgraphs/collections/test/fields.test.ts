import { FieldGroup, seedStandardFields, StandardField } from '@platform/collections';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

type Row = { id: string; fieldKey: string; sortOrder: number };
const FIELDS = 'query($g: ID, $a: Boolean) { standardFields(fieldGroupId: $g, isActive: $a) { id fieldKey fieldName fieldNameEn fieldType fieldGroupId fieldGroupName isRequired isExtended sortOrder isActive } }';
const GROUPS = '{ fieldGroups { id groupKey groupName groupNameEn parentId sortOrder fieldCount } }';
const REORDER = 'mutation($ids: [ID!]!) { reorderStandardFields(fieldIds: $ids) { id fieldKey sortOrder } }';
const DISPLAY = 'query($t: ID, $s: String!) { fieldDisplay(tenantId: $t, sceneType: $s) { fieldKey fieldName fieldDataType fieldSource sortOrder displayWidth colorType isSearchable isFilterable isRangeSearchable } }';
const SET_DISPLAY = 'mutation($t: ID, $s: String!, $f: [FieldDisplayInput!]!) { setFieldDisplay(input: { tenantId: $t, sceneType: $s, fields: $f }) { fieldKey sortOrder } }';

describe('standard fields and groups (seeded, platform-wide)', () => {
  it('the documents’ case fields are seeded in four groups, with Chinese and English names, in order', async () => {
    const { standardFields } = await client.ok(org.callers.teamLeader, FIELDS);
    expect(standardFields).toHaveLength(32);
    expect(standardFields[1]).toEqual({
      id: expect.any(String), fieldKey: 'user_name', fieldName: '客户姓名', fieldNameEn: 'Customer Name', fieldType: 'String',
      fieldGroupId: expect.any(String), fieldGroupName: '客户基础信息', isRequired: true, isExtended: false, sortOrder: 2, isActive: true,
    });
    const keys = standardFields.map((f: Row) => f.fieldKey);
    for (const key of ['case_code', 'mobile', 'loan_amount', 'outstanding_penalty', 'overdue_days', 'case_tags', 'collector_name', 'last_contact_at']) expect(keys).toContain(key);
    const { fieldGroups } = await client.ok(org.callers.teamLeader, GROUPS);
    expect(fieldGroups.map((g: { groupKey: string }) => g.groupKey)).toEqual(['customer_basic', 'loan_info', 'repayment_info', 'assignment_info']);
    expect(fieldGroups[0]).toEqual({ id: expect.any(String), groupKey: 'customer_basic', groupName: '客户基础信息', groupNameEn: 'Customer Basic Info', parentId: null, sortOrder: 1, fieldCount: 8 });
    expect(fieldGroups.reduce((n: number, g: { fieldCount: number }) => n + g.fieldCount, 0)).toBe(standardFields.length);
    const loan = await client.ok(org.callers.teamLeader, FIELDS, { g: fieldGroups[1].id });
    expect(loan.standardFields.map((f: Row) => f.fieldKey)).toEqual(['loan_id', 'loan_product_name', 'loan_amount', 'loan_date', 'due_date', 'loan_term', 'interest_rate']);
  });

  it('seeding again adds nothing and keeps what the super admin changed', async () => {
    const em = client.em(null);
    const before = await em.count(StandardField, {});
    const field = await em.findOneOrFail(StandardField, { fieldKey: 'email' });
    field.isActive = false;
    await em.flush();
    await seedStandardFields(client.em(null));
    expect(await client.em(null).count(StandardField, {})).toBe(before);
    expect(await client.em(null).count(FieldGroup, {})).toBe(4);
    expect((await client.ok(org.callers.tenantAdmin, FIELDS, { a: false })).standardFields.map((f: Row) => f.fieldKey)).toEqual(['email']);
    field.isActive = true;
    await em.flush();
  });

  it('the super admin reorders: the listed fields take positions 1, 2, …', async () => {
    const all = (await client.ok(org.callers.superAdmin, FIELDS)).standardFields as Row[];
    const [a, b, c] = all;
    const { reorderStandardFields } = await client.ok(org.callers.superAdmin, REORDER, { ids: [c.id, a.id, b.id] });
    expect(reorderStandardFields.slice(0, 3)).toEqual([
      { id: c.id, fieldKey: c.fieldKey, sortOrder: 1 },
      { id: a.id, fieldKey: a.fieldKey, sortOrder: 2 },
      { id: b.id, fieldKey: b.fieldKey, sortOrder: 3 },
    ]);
    await client.ok(org.callers.superAdmin, REORDER, { ids: all.map((f) => f.id) });
  });

  it('an unknown or repeated id is BAD_USER_INPUT naming it and changes nothing; a tenant admin is FORBIDDEN', async () => {
    const before = (await client.ok(org.callers.superAdmin, FIELDS)).standardFields as Row[];
    const unknown = await client.run(org.callers.superAdmin, REORDER, { ids: [before[1].id, '999999'] });
    expect([codeOf(unknown), fieldOf(unknown), unknown.errors?.[0]?.message]).toEqual(['BAD_USER_INPUT', 'fieldIds', 'fieldIds[1]: no standard field 999999']);
    expect(fieldOf(await client.run(org.callers.superAdmin, REORDER, { ids: [before[1].id, before[1].id] }))).toBe('fieldIds');
    expect(codeOf(await client.run(org.callers.tenantAdmin, REORDER, { ids: [before[1].id] }))).toBe('FORBIDDEN');
    expect((await client.ok(org.callers.superAdmin, FIELDS)).standardFields).toEqual(before);
  });
});

describe('tenant field display', () => {
  const FIELDS_IN = [
    { fieldKey: 'case_code', fieldName: '案件编号', fieldDataType: 'String', fieldSource: 'standard', sortOrder: 1, displayWidth: 150, colorType: 'normal', isSearchable: true, isFilterable: false, isRangeSearchable: false },
    { fieldKey: 'vip_level', fieldName: 'VIP等级', fieldDataType: 'String', fieldSource: 'custom', sortOrder: 2, displayWidth: null, colorType: 'red', isSearchable: false, isFilterable: true, isRangeSearchable: false },
  ];

  it('a batch replaces the tenant’s scene configuration; the scene reads back in order; other scenes and tenants are untouched', async () => {
    await client.ok(org.callers.tenantAdmin, SET_DISPLAY, { s: 'collector_case_list', f: [{ fieldKey: 'mobile', fieldName: '手机' }] });
    await client.ok(org.callers.tenantAdmin, SET_DISPLAY, { s: 'collector_case_list', f: FIELDS_IN });
    expect((await client.ok(org.callers.agencyAdmin, DISPLAY, { s: 'collector_case_list' })).fieldDisplay).toEqual(FIELDS_IN);
    expect((await client.ok(org.callers.tenantAdmin, DISPLAY, { s: 'export' })).fieldDisplay).toEqual([]);
    expect((await client.ok(org.callers.otherTenantAdmin, DISPLAY, { s: 'collector_case_list' })).fieldDisplay).toEqual([]);
    expect((await client.ok(org.callers.superAdmin, DISPLAY, { t: '1', s: 'collector_case_list' })).fieldDisplay).toHaveLength(2);
  });

  it('refuses, naming the field, an unknown scene, a non-standard standard key, a custom key shadowing a standard one, a key twice; nothing changes', async () => {
    const bad = [
      [{ s: 'nope', f: FIELDS_IN }, 'sceneType'],
      [{ s: 'collector_case_list', f: [{ fieldKey: 'vip_level', fieldName: 'x' }] }, 'fields.0.fieldKey'],
      [{ s: 'collector_case_list', f: [FIELDS_IN[0], { fieldKey: 'mobile', fieldName: 'x', fieldSource: 'custom' }] }, 'fields.1.fieldKey'],
      [{ s: 'collector_case_list', f: [FIELDS_IN[0], FIELDS_IN[0]] }, 'fields.1.fieldKey'],
      [{ s: 'collector_case_list', f: [{ ...FIELDS_IN[0], colorType: 'pink' }] }, 'fields.0.colorType'],
    ] as const;
    for (const [vars, field] of bad) {
      const result = await client.run(org.callers.tenantAdmin, SET_DISPLAY, vars);
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect((await client.ok(org.callers.tenantAdmin, DISPLAY, { s: 'collector_case_list' })).fieldDisplay).toEqual(FIELDS_IN);
    expect(codeOf(await client.run(org.callers.tenantAdmin, SET_DISPLAY, { t: '2', s: 'export', f: [] }))).toBe('FORBIDDEN');
    expect(codeOf(await client.run(org.callers.tenantAdmin, DISPLAY, { t: '2', s: 'export' }))).toBe('NOT_FOUND');
  });
});
