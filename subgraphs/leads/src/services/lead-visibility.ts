import type { FilterQuery } from '@mikro-orm/core';
import { hasPermission, hasRole, type Caller } from '@platform/kit';
import type { Lead } from '../entities/lead.entity';

/**
 * decisions.md § 002: `admin` sees every lead of the tenant (here: whoever holds `leads:view_all`, which the
 * tenant's admins hold through `*`); `sales` the leads assigned to them; `service` and every other role the leads
 * they registered. The same rule governs reading, editing and deleting; another's lead is simply not found.
 */
export function visibleLeads(caller: Caller): FilterQuery<Lead> {
  if (seesWholeTenant(caller)) return {};
  const own: Array<FilterQuery<Lead>> = [];
  if (hasRole(caller, 'sales')) own.push({ followerId: caller.userId });
  // Any role besides sales (service, user, …) sees what it registered.
  if (caller.roles.some((role) => role !== 'sales')) own.push({ registrantId: caller.userId });
  if (own.length === 0) return { registrantId: caller.userId };
  return own.length === 1 ? own[0] : { $or: own };
}

/** Every lead of the tenant (the statistics then read the tenant's tallies). */
export const seesWholeTenant = (caller: Caller): boolean => hasPermission(caller, 'leads:view_all');

/** The same rule as SQL over the lead table aliased `alias`, for the grouped statistics queries. */
export function visibleLeadsSql(caller: Caller, alias: string): { sql: string; params: string[] } {
  if (seesWholeTenant(caller)) return { sql: '1 = 1', params: [] };
  const parts: string[] = [];
  const params: string[] = [];
  if (hasRole(caller, 'sales')) {
    parts.push(`${alias}.follower_id = ?`);
    params.push(caller.userId);
  }
  if (caller.roles.some((role) => role !== 'sales') || parts.length === 0) {
    parts.push(`${alias}.registrant_id = ?`);
    params.push(caller.userId);
  }
  return { sql: `(${parts.join(' or ')})`, params };
}

/** The same rule for a lead already loaded (entity fetches batch their loads, then check each). */
export function canSee(caller: Caller, lead: Pick<Lead, 'followerId' | 'registrantId'>): boolean {
  if (seesWholeTenant(caller)) return true;
  if (hasRole(caller, 'sales') && lead.followerId === caller.userId) return true;
  const registers = caller.roles.some((role) => role !== 'sales') || caller.roles.length === 0;
  return registers && lead.registrantId === caller.userId;
}
