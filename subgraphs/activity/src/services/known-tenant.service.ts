import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { isPlatformAdmin, parseId } from '@platform/kit';
import type { ActivityContext } from '../activity.context';
import { callerOf } from '../activity.context';
import { ActivityErrors } from '../activity.errors';
import { KnownTenant } from '../entities/recipient-user.entity';

/** The zone a tenant's local times are in (identity's `tenant.changed`); UTC until identity has announced it. */
export async function zoneOf(em: EntityManager, tenantId: number): Promise<string> {
  return (await em.findOne(KnownTenant, { tenantId }))?.zone ?? 'UTC';
}

const LOCAL = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/** An ISO 8601 time with its zone, or a CCO local time (`YYYY-MM-DD HH:mm:ss`) read in `zone`. */
export function parseTime(value: string, zone: string, field: string): Date {
  const parsed = LOCAL.test(value)
    ? DateTime.fromFormat(value, 'yyyy-MM-dd HH:mm:ss', { zone })
    : /[zZ]|[+-]\d\d:?\d\d$/.test(value)
      ? DateTime.fromISO(value, { setZone: true })
      : DateTime.invalid('no zone');
  if (!parsed.isValid) throw ActivityErrors.invalidTime(field);
  return parsed.toJSDate();
}

/**
 * The tenant a caller names by id or code (003's `X-Tenant-Id`): it must be the caller's own (FORBIDDEN otherwise);
 * a platform administrator may name any tenant identity has announced (NOT_FOUND otherwise).
 */
export async function namedTenant(ctx: ActivityContext, key: string | null | undefined): Promise<number> {
  const caller = callerOf(ctx);
  const wanted = key?.trim();
  if (!wanted) throw ActivityErrors.tenantHeaderMissing();
  const id = parseId(wanted);
  const known = await ctx.em.findOne(KnownTenant, id !== null ? { $or: [{ tenantId: id }, { code: wanted }] } : { code: wanted });
  const tenantId = known?.tenantId ?? id;
  if (isPlatformAdmin(caller)) {
    if (tenantId === null || tenantId === undefined) throw ActivityErrors.unknownTenant(wanted);
    return tenantId;
  }
  if (tenantId === null || String(tenantId) !== caller.tenantId) throw ActivityErrors.otherTenantAudit();
  return tenantId;
}
