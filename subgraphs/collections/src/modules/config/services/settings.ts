import type { EntityManager } from '@mikro-orm/core';
import { badInput, TENANT_FILTER, type TenantFilterParams } from '@platform/kit';
import { z } from 'zod';
import { SystemConfig } from '../entities/system-config.entity';

const setting = <S extends z.ZodType>(schema: S, fallback: z.output<S>, description: string) => ({ schema, fallback, description });

/**
 * A tenant's collections settings (CCO admin § 13.1/13.2; the document lists only the paths): each key with its
 * validation, its default (what a tenant that never set it gets) and what it governs. Stored one SystemConfig row per
 * tenant and key; the key is the REST name.
 */
export const SETTINGS = {
  penalty_cap_rate: setting(z.number().min(0).max(1), 0.15, 'Cap of the penalty as a fraction of the principal (decisions.md: 0.15), used by the repayment calculator.'),
  default_auto_assign_strategy: setting(z.enum(['balanced', 'performance', 'specialty']), 'balanced', 'Strategy of auto-assignment when a request names none: balanced, performance or specialty.'),
  idle_threshold_minutes: setting(z.number().int().min(1).max(1440), 30, 'Minutes without activity after which a signed-in collector counts as idle (idle monitor).'),
  max_cases_per_collector: setting(z.number().int().min(1).max(100_000), 150, 'Capacity of a new collector when their creation names none.'),
  ptp_grace_days: setting(z.number().int().min(0).max(30), 0, 'Days after its date before an unpaid PTP counts as broken.'),
  ptp_max_days: setting(z.number().int().min(1).max(365), 30, 'How far ahead a PTP’s date may lie, in days from today (the collector app refuses a later date).'),
  case_recall_unassigns: setting(z.boolean(), true, 'Whether recalling a case also takes it from its collector.'),
  sms_device_verification: setting(z.boolean(), false, 'Whether a collector signing in from an unknown device must confirm an SMS code (decisions.md: off by default).'),
  currency_code: setting(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'), 'PHP', 'Currency of the tenant’s amounts (notices, exports), ISO 4217.'),
  time_zone: setting(z.string().min(1).max(64), 'UTC', 'IANA zone of the tenant’s local times and dates; read-only here, kept from identity’s tenant.'),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: z.output<(typeof SETTINGS)[K]['schema']> };

/** Keys an update may set (time_zone follows the tenant in identity). */
export const WRITABLE_KEYS: readonly SettingKey[] = (Object.keys(SETTINGS) as SettingKey[]).filter((k) => k !== 'time_zone');

/** The camelCase GraphQL name of a setting (`penalty_cap_rate` → `penaltyCapRate`). */
export const graphqlName = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const DEFAULTS = Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.fallback])) as Settings;

function emTenant(em: EntityManager): number {
  const tenantId = (em.getFilterParams(TENANT_FILTER) as TenantFilterParams | undefined)?.tenantId;
  if (tenantId === null || tenantId === undefined) throw new Error('tenantSetting needs a tenant: pass tenantId with a platform EntityManager');
  return Number(tenantId);
}

/** Every setting of a tenant, its defaults filling what it never set; one query. */
export async function tenantSettings(em: EntityManager, tenantId: number = emTenant(em)): Promise<Settings> {
  const rows = await em.find(SystemConfig, { tenantId, configKey: { $in: Object.keys(SETTINGS) } });
  const settings: Record<string, unknown> = { ...DEFAULTS };
  for (const row of rows) {
    // A stored value that no longer validates (a key's range narrowed) falls back to the default.
    const parsed = SETTINGS[row.configKey as SettingKey].schema.safeParse(row.configValue);
    if (parsed.success) settings[row.configKey] = parsed.data;
  }
  return settings as Settings;
}

/** One setting of a tenant (the EntityManager's tenant unless named), its default when never set. */
export async function tenantSetting<K extends SettingKey>(em: EntityManager, key: K, tenantId: number = emTenant(em)): Promise<Settings[K]> {
  const row = await em.findOne(SystemConfig, { tenantId, configKey: key });
  const parsed = row ? SETTINGS[key].schema.safeParse(row.configValue) : undefined;
  return (parsed?.success ? parsed.data : SETTINGS[key].fallback) as Settings[K];
}

/**
 * Validates every given key first (BAD_USER_INPUT naming the first bad one by its GraphQL name, nothing written),
 * then writes them; answers the tenant's settings after the change.
 */
export async function updateSettings(em: EntityManager, tenantId: number, changes: Partial<Record<SettingKey, unknown>>): Promise<Settings> {
  const valid: Array<[SettingKey, unknown]> = [];
  for (const [key, value] of Object.entries(changes) as Array<[SettingKey, unknown]>) {
    if (value === undefined) continue;
    if (!WRITABLE_KEYS.includes(key)) throw badInput(graphqlName(key), `${graphqlName(key)} cannot be changed here`);
    const parsed = SETTINGS[key].schema.safeParse(value);
    if (!parsed.success) throw badInput(graphqlName(key), `${graphqlName(key)} ${parsed.error.issues[0].message}`);
    valid.push([key, parsed.data]);
  }
  await writeSettings(em, tenantId, valid);
  return tenantSettings(em, tenantId);
}

/** Upserts the settings' rows in one flush. */
export const writeSettings = (em: EntityManager, tenantId: number, values: Array<[SettingKey, unknown]>): Promise<void> =>
  writeConfigRows(em, tenantId, values);

/** Upserts a tenant's SystemConfig rows (settings, rule sets, the tenant's code: each under a key of its own) in one flush. */
export async function writeConfigRows(em: EntityManager, tenantId: number, values: ReadonlyArray<readonly [string, unknown]>): Promise<void> {
  if (!values.length) return;
  const rows = await em.find(SystemConfig, { tenantId, configKey: { $in: values.map(([k]) => k) } });
  const byKey = new Map(rows.map((r) => [r.configKey, r]));
  for (const [configKey, configValue] of values) {
    const row = byKey.get(configKey);
    if (row) row.configValue = configValue;
    else em.create(SystemConfig, { tenantId, configKey, configValue });
  }
  await em.flush();
}
