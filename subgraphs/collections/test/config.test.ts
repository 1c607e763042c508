import { randomUUID } from 'node:crypto';
import { tenantSetting } from '@platform/collections';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

const SETTINGS = 'query($t: ID) { collectionsSettings(tenantId: $t) { tenantId penaltyCapRate defaultAutoAssignStrategy idleThresholdMinutes maxCasesPerCollector ptpGraceDays ptpMaxDays caseRecallUnassigns smsDeviceVerification currencyCode timeZone } }';
const UPDATE = 'mutation($t: ID, $i: CollectionsSettingsInput!) { updateCollectionsSettings(tenantId: $t, input: $i) { penaltyCapRate idleThresholdMinutes defaultAutoAssignStrategy } }';

describe('collections settings', () => {
  it('a tenant that never set anything reads the documented defaults', async () => {
    const { collectionsSettings } = await client.ok(org.callers.otherTenantAdmin, SETTINGS);
    expect(collectionsSettings).toEqual({
      tenantId: 2,
      penaltyCapRate: 0.15,
      defaultAutoAssignStrategy: 'balanced',
      idleThresholdMinutes: 30,
      maxCasesPerCollector: 150,
      ptpGraceDays: 0,
      ptpMaxDays: 30,
      caseRecallUnassigns: true,
      smsDeviceVerification: false,
      currencyCode: 'PHP',
      timeZone: 'UTC',
    });
  });

  it('a tenant admin changes some keys; the others keep their value; an agency admin reads them; tenantSetting serves them', async () => {
    await client.ok(org.callers.tenantAdmin, UPDATE, { i: { penaltyCapRate: 0.2, idleThresholdMinutes: 45 } });
    const { collectionsSettings } = await client.ok(org.callers.agencyAdmin, SETTINGS);
    expect(collectionsSettings).toMatchObject({ tenantId: 1, penaltyCapRate: 0.2, idleThresholdMinutes: 45, maxCasesPerCollector: 150 });
    expect(await tenantSetting(client.em(), 'penalty_cap_rate')).toBe(0.2);
    expect(await tenantSetting(client.em(null), 'idle_threshold_minutes', 2)).toBe(30);
  });

  it('a value out of its key’s range or of the wrong kind is BAD_USER_INPUT naming the key, and changes nothing', async () => {
    for (const [input, field] of [
      [{ penaltyCapRate: 1.5, idleThresholdMinutes: 10 }, 'penaltyCapRate'],
      [{ idleThresholdMinutes: 0 }, 'idleThresholdMinutes'],
      [{ defaultAutoAssignStrategy: 'random' }, 'defaultAutoAssignStrategy'],
      [{ currencyCode: 'peso' }, 'currencyCode'],
    ] as const) {
      const result = await client.run(org.callers.tenantAdmin, UPDATE, { i: input });
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', field]);
    }
    const wrongType = await client.run(org.callers.tenantAdmin, UPDATE, { i: { ptpGraceDays: 'two' } });
    // graphql-js refuses it before any resolver (the router's formatter codes it BAD_USER_INPUT), naming the field.
    expect(wrongType.errors?.[0]?.message).toMatch(/ptpGraceDays/);
    expect((await client.ok(org.callers.tenantAdmin, SETTINGS)).collectionsSettings).toMatchObject({ penaltyCapRate: 0.2, idleThresholdMinutes: 45, ptpGraceDays: 0 });
  });

  it('another tenant’s settings: read NOT_FOUND, write FORBIDDEN; the super admin must name a tenant', async () => {
    expect(codeOf(await client.run(org.callers.tenantAdmin, SETTINGS, { t: '2' }))).toBe('NOT_FOUND');
    expect(codeOf(await client.run(org.callers.tenantAdmin, UPDATE, { t: '2', i: { ptpGraceDays: 3 } }))).toBe('FORBIDDEN');
    const noTenant = await client.run(org.callers.superAdmin, SETTINGS);
    expect([codeOf(noTenant), fieldOf(noTenant)]).toEqual(['BAD_USER_INPUT', 'tenant_id']);
    expect((await client.ok(org.callers.superAdmin, SETTINGS, { t: '2' })).collectionsSettings.ptpGraceDays).toBe(0);
  });

  it('the tenant’s zone follows identity’s tenant.changed', async () => {
    await client.runtime.bus.publish([
      { id: randomUUID(), topic: 'tenant.changed', tenantId: '2', aggregateId: '2', payload: { tenantId: 2, code: 'T2', zone: 'Asia/Manila' }, occurredAt: new Date().toISOString() },
    ]);
    for (let i = 0; i < 200 && (await tenantSetting(client.em(null), 'time_zone', 2)) !== 'Asia/Manila'; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await client.ok(org.callers.otherTenantAdmin, SETTINGS)).collectionsSettings.timeZone).toBe('Asia/Manila');
  });
});
