import { isPlatformAdmin, type Caller } from '../auth';
import type { RequestContext } from '../context';
import { notFound, unauthenticated } from '../errors';
import { ForeignRef } from './foreign-ref.entity';

/** A checked reference: the entity exists, and this is its tenant (null: platform-level). */
export interface CheckedRef {
  entity: string;
  id: string;
  tenantId: string | null;
}

/**
 * The one way a subgraph accepts an id of another subgraph's entity: it must exist and be in the caller's tenant.
 * Missing, removed and another tenant's all answer the same NOT_FOUND, as every cross-tenant read does, so the
 * answer tells nothing about other tenants. The platform administrator reaches every tenant; `tenantId` narrows
 * the check to one (a platform admin naming the tenant a reference must be in).
 */
export async function checkForeignRef(
  ctx: Pick<RequestContext, 'em' | 'caller'>,
  entity: string,
  id: string,
  opts: { tenantId?: string | number | null } = {},
): Promise<CheckedRef> {
  const caller = ctx.caller;
  if (!caller) throw unauthenticated();
  const row = await ctx.em.findOne(ForeignRef, { entity, refId: id });
  const wanted = opts.tenantId == null ? undefined : String(opts.tenantId);
  if (!row || !row.present || !reaches(caller, row.tenantId) || (wanted !== undefined && row.tenantId !== wanted)) {
    throw notFound(entity, id);
  }
  return { entity, id, tenantId: row.tenantId };
}

function reaches(caller: Caller, tenantId: string | null): boolean {
  return isPlatformAdmin(caller) || (caller.tenantId !== null && tenantId === String(caller.tenantId));
}
