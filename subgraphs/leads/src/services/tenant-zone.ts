import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { DateTime } from 'luxon';
import { LeadsErrors } from '../leads.errors';
import type { LeadsContext } from '../leads.context';
import { LeadsSetting } from '../entities/leads-setting.entity';

/** The tenant's zone (its leads setting, else LEADS_TIME_ZONE); read once per request. */
export function tenantZone(ctx: LeadsContext): Promise<string> {
  const loader = ctx.loaders.get<'zone', string>(
    'leadsZone',
    () =>
      new DataLoader(async (keys) => {
        const zone = await zoneOf(ctx.em, Number(ctx.caller?.tenantId), ctx.services.config.LEADS_TIME_ZONE);
        return keys.map(() => zone);
      }),
  );
  return loader.load('zone');
}

export async function zoneOf(em: EntityManager, tenantId: number, fallback: string): Promise<string> {
  const setting = await em.findOne(LeadsSetting, { tenantId });
  return setting?.timeZone ?? fallback;
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
