import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { TENANT_FILTER } from '@platform/kit';
import { DateTime } from 'luxon';
import { LeadsErrors } from '../leads.errors';
import type { LeadsContext } from '../leads.context';
import { LeadsSetting } from '../entities/leads-setting.entity';

/** The caller's tenant's zone and where it comes from (effectiveZone); its settings are read once per request. */
export function tenantZoneOf(ctx: LeadsContext): Promise<TenantZone> {
  const loader = ctx.loaders.get<'zone', TenantZone>(
    'leadsZone',
    () =>
      new DataLoader(async (keys) => {
        const tenantId = Number(ctx.caller?.tenantId);
        const setting = await ctx.em.findOne(LeadsSetting, { tenantId }, { filters: { [TENANT_FILTER]: { tenantId } } });
        const zone = { ...effectiveZone(setting, ctx.services.config.LEADS_TIME_ZONE), tenantZone: setting?.tenantZone ?? null };
        return keys.map(() => zone);
      }),
  );
  return loader.load('zone');
}

/** The caller's tenant's zone. */
export const tenantZone = async (ctx: LeadsContext): Promise<string> => (await tenantZoneOf(ctx)).zone;

/** Where a tenant's zone comes from, first match wins. */
export type ZoneSource = 'admin' | 'identity' | 'default';

/** The zone that applies, where it comes from, and identity's zone for the tenant (null until announced). */
export interface TenantZone {
  zone: string;
  source: ZoneSource;
  tenantZone: string | null;
}

/**
 * A tenant's zone: the one its admin set for leads (`updateLeadsSettings`), else the tenant's zone identity announced
 * (`tenant.changed`), else `fallback` (LEADS_TIME_ZONE).
 */
export function effectiveZone(setting: Pick<LeadsSetting, 'timeZone' | 'tenantZone'> | null, fallback: string): { zone: string; source: ZoneSource } {
  if (setting?.timeZone) return { zone: setting.timeZone, source: 'admin' };
  if (setting?.tenantZone) return { zone: setting.tenantZone, source: 'identity' };
  return { zone: fallback, source: 'default' };
}

export async function zoneOf(em: EntityManager, tenantId: number, fallback: string): Promise<string> {
  const setting = await em.findOne(LeadsSetting, { tenantId }, { filters: { [TENANT_FILTER]: { tenantId } } });
  return effectiveZone(setting, fallback).zone;
}

const LOCAL_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd'];

/**
 * A time as 002 writes it (`2024-06-01 10:00:00`, the tenant's wall clock) or ISO 8601 with an offset; anything
 * else is BAD_USER_INPUT naming `field`.
 */
export function parseLocalTime(text: string, zone: string, field: string): Date {
  for (const format of LOCAL_FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { zone });
    if (parsed.isValid) return parsed.toJSDate();
  }
  const iso = DateTime.fromISO(text, { zone, setZone: true });
  if (iso.isValid && /T/.test(text)) return iso.toJSDate();
  throw LeadsErrors.invalid(field, `${field} must be a time like 2024-06-01 10:00:00`);
}

/** A `yyyy-MM-dd` date; BAD_USER_INPUT naming `field` otherwise. */
export function parseLocalDate(text: string, zone: string, field: string): DateTime {
  const parsed = DateTime.fromFormat(text, 'yyyy-MM-dd', { zone });
  if (!parsed.isValid) throw LeadsErrors.invalid(field, `${field} must be a date like 2024-06-01`);
  return parsed;
}
