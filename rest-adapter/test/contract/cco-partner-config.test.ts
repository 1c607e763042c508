import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant, type SubgraphRuntime } from '@platform/kit';
import { CollectionCase } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken } from '../support/contract';
import { issuePartnerKey, partnerCaseRow, signedPush, type PartnerKey } from '../support/partner';

const platform = useTestPlatform();
const ISO_LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;
const error = (code: number) => ({ code, message: expect.any(String), data: null });
const naming = (field: string) => ({ status: 400, body: { ...error(400), message: expect.stringContaining(field) } });

let admin: string;
let key: PartnerKey;
let em: () => EntityManager;

const push = (path: string, body: unknown) => signedPush(platform.app, key, path, body);

/** What an administrator reads through GraphQL. */
async function adminRead<T>(query: string): Promise<T> {
  const res = await platform.platform.router.executor.execute({ query, variables: {}, headers: { authorization: `Bearer ${admin}` } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}
const mappingNow = async () =>
  (await adminRead<{ partnerFieldMapping: { entries: unknown[] } }>('{ partnerFieldMapping { entries { standardFieldKey tenantFieldKey tenantFieldName dataType } } }'))
    .partnerFieldMapping.entries;
const rulesNow = async () =>
  (await adminRead<{ partnerBusinessRules: Array<{ ruleType: string; rules: unknown[] }> }>('{ partnerBusinessRules { ruleType rules updatedAt } }')).partnerBusinessRules.map(
    ({ ruleType, rules }) => ({ ruleType, rules }),
  );
const systemConfig = async () => (await call(platform.app, 'GET', '/api/v1/system/config', { token: admin })).body.data;

beforeAll(async () => {
  admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const tenantId = Number(JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()).tid);
  key = await issuePartnerKey(platform.app, admin, tenantId, 'core system');
  const collections = platform.platform.subgraphs.find((s) => s.name === 'collections') as SubgraphRuntime & { orm: { em: EntityManager } };
  em = () => forkForTenant(collections.orm.em, null);
});

describe('POST /api/v1/webhook/field-mapping (§ 7.1)', () => {
  const documented = {
    tenant_code: 'DEMO',
    mapping_configs: [
      { standard_field_key: 'user_name', tenant_field_key: 'customer_name', tenant_field_name: '客户姓名', data_type: 'String' },
      { standard_field_key: 'loan_amount', tenant_field_key: 'principal_amount', tenant_field_name: '本金金额', data_type: 'Decimal' },
    ],
  };

  it('stores the mapping and answers it field by field', async () => {
    const res = await push('/field-mapping', documented);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '配置成功',
      data: {
        tenant_code: 'DEMO',
        mapping_count: 2,
        mapping_configs: [
          { standard_field_key: 'loan_amount', tenant_field_key: 'principal_amount', tenant_field_name: '本金金额', data_type: 'Decimal' },
          { standard_field_key: 'user_name', tenant_field_key: 'customer_name', tenant_field_name: '客户姓名', data_type: 'String' },
        ],
        updated_at: expect.stringMatching(ISO_LOCAL),
      },
    });
    expect(await mappingNow()).toEqual([
      { standardFieldKey: 'loan_amount', tenantFieldKey: 'principal_amount', tenantFieldName: '本金金额', dataType: 'Decimal' },
      { standardFieldKey: 'user_name', tenantFieldKey: 'customer_name', tenantFieldName: '客户姓名', dataType: 'String' },
    ]);
  });

  it('later case pushes are read through it', async () => {
    const { user_name: _name, loan_amount: _amount, ...rest } = partnerCaseRow('CASE_M1');
    const res = await push('/cases/import', { push_batch_no: 'B_MAPPED', cases: [{ ...rest, customer_name: '王大明', principal_amount: 8000 }] });
    expect(res.body.data).toMatchObject({ total: 1, success: 1, failed: 0, errors: [] });
    const kase = await em().findOneOrFail(CollectionCase, { caseCode: 'CASE_M1' });
    expect({ name: kase.userName, loan: kase.loanAmount.toFixed(2) }).toEqual({ name: '王大明', loan: '8000.00' });
    // A row without the partner's names still imports with the standard ones.
    const plain = await push('/cases/import', { push_batch_no: 'B_PLAIN', cases: [partnerCaseRow('CASE_M2')] });
    expect(plain.body.data).toMatchObject({ success: 1 });
    // A mapped field that is missing is named by its standard name, as the document's table has it.
    const missing = await push('/cases/import', { push_batch_no: 'B_MISSING', cases: [rest] });
    expect(missing.body.data).toMatchObject({ success: 0, failed: 1, errors: [{ case_code: 'CASE_M1', error: expect.stringContaining('user_name') }] });
  });

  it('an entry replaces the earlier one of its standard field', async () => {
    const res = await push('/field-mapping', { mapping_configs: [{ standard_field_key: 'user_name', tenant_field_key: 'full_name' }] });
    expect(res.body.data.mapping_configs).toEqual([
      { standard_field_key: 'loan_amount', tenant_field_key: 'principal_amount', tenant_field_name: '本金金额', data_type: 'Decimal' },
      { standard_field_key: 'user_name', tenant_field_key: 'full_name', tenant_field_name: null, data_type: null },
    ]);
  });

  it('400 naming the field, 401 unsigned — the mapping unchanged', async () => {
    const before = await mappingNow();
    const entry = (over: Record<string, unknown>) => ({ mapping_configs: [{ standard_field_key: 'mobile', tenant_field_key: 'phone', ...over }] });
    expect(await push('/field-mapping', {})).toMatchObject(naming('mapping_configs'));
    expect(await push('/field-mapping', entry({ standard_field_key: 'no_such_field' }))).toMatchObject(naming('mapping_configs.0.standard_field_key'));
    expect(await push('/field-mapping', entry({ tenant_field_key: undefined }))).toMatchObject(naming('mapping_configs.0.tenant_field_key'));
    expect(await push('/field-mapping', entry({ data_type: 'Money' }))).toMatchObject(naming('mapping_configs.0.data_type'));
    expect(await push('/field-mapping', { ...entry({}), tenant_code: 'OTHER' })).toMatchObject(naming('tenant_code'));
    // Two standard fields read from one partner field.
    expect(await push('/field-mapping', entry({ tenant_field_key: 'principal_amount' }))).toMatchObject(naming('mapping_configs.0.tenant_field_key'));
    expect(await call(platform.app, 'POST', '/api/v1/webhook/field-mapping', { body: entry({}) })).toMatchObject({ status: 401, body: error(401) });
    expect(await mappingNow()).toEqual(before);
  });
});

describe('POST /api/v1/webhook/business-rules (§ 7.2)', () => {
  const documented = {
    tenant_code: 'DEMO',
    rule_type: 'queue_assignment',
    rules: [{ queue_code: 'M1', conditions: { overdue_days_min: 1, overdue_days_max: 30 } }],
  };

  it('stores the documented queue rules and answers field by field', async () => {
    const res = await push('/business-rules', documented);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '配置成功',
      data: { tenant_code: 'DEMO', rule_type: 'queue_assignment', rules_count: 1, updated_at: expect.stringMatching(ISO_LOCAL) },
    });
    expect(await rulesNow()).toEqual([{ ruleType: 'queue_assignment', rules: [{ queue_code: 'M1', conditions: { overdue_days_min: 1, overdue_days_max: 30 } }] }]);
  });

  it('tenant_settings rules become the tenant settings the platform reads', async () => {
    expect(await systemConfig()).toMatchObject({ penalty_cap_rate: 0.15, sms_device_verification: false });
    const res = await push('/business-rules', {
      rule_type: 'tenant_settings',
      rules: [
        { rule_key: 'penalty_cap_rate', rule_value: 0.2 },
        { rule_key: 'sms_device_verification', rule_value: true },
      ],
    });
    expect(res.body.data).toEqual({ tenant_code: 'DEMO', rule_type: 'tenant_settings', rules_count: 2, updated_at: expect.stringMatching(ISO_LOCAL) });
    expect(await systemConfig()).toMatchObject({ penalty_cap_rate: 0.2, sms_device_verification: true });
    expect((await rulesNow()).map((r) => r.ruleType)).toEqual(['queue_assignment', 'tenant_settings']);
  });

  it('400 naming the rule, 401 unsigned — nothing stored', async () => {
    const rulesBefore = await rulesNow();
    const settingsBefore = await systemConfig();
    const settingRule = (rule: Record<string, unknown>) => ({ rule_type: 'tenant_settings', rules: [{ rule_key: 'ptp_grace_days', rule_value: 3 }, rule] });
    expect(await push('/business-rules', { rules: [] })).toMatchObject(naming('rule_type'));
    expect(await push('/business-rules', { rule_type: 'no_such_type', rules: [] })).toMatchObject(naming('rule_type'));
    expect(await push('/business-rules', { ...documented, rules: [{ conditions: { overdue_days_min: 1 } }] })).toMatchObject(naming('rules.0.queue_code'));
    expect(await push('/business-rules', { ...documented, rules: [{ queue_code: 'M2', conditions: { overdue_days_min: 31, overdue_days_max: 5 } }] })).toMatchObject(
      naming('rules.0.conditions.overdue_days_max'),
    );
    expect(await push('/business-rules', settingRule({ rule_key: 'penalty_cap_rate', rule_value: 2 }))).toMatchObject(naming('rules.1.rule_value'));
    expect(await push('/business-rules', settingRule({ rule_key: 'time_zone', rule_value: 'UTC' }))).toMatchObject(naming('rules.1.rule_key'));
    expect(await push('/business-rules', { ...documented, tenant_code: 'OTHER' })).toMatchObject(naming('tenant_code'));
    expect(await call(platform.app, 'POST', '/api/v1/webhook/business-rules', { body: documented })).toMatchObject({ status: 401, body: error(401) });
    expect(await rulesNow()).toEqual(rulesBefore);
    expect(await systemConfig()).toEqual(settingsBefore);
  });
});
