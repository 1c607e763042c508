import { parseId } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { inScope, scopeOf } from '../../org/services/scope';

/**
 * A case the caller reaches (their tenant, their data scope). Another tenant's case, or an unknown id, is NOT_FOUND;
 * one of the tenant outside the caller's scope is NOT_FOUND to read and FORBIDDEN to act on (a collector working
 * another collector's case: 403, as the collector-app document says).
 */
export async function caseInReach(ctx: CollectionsContext, caseId: string | number, mode: 'read' | 'write'): Promise<CollectionCase> {
  const id = parseId(caseId);
  const found = id === null ? null : await ctx.em.findOne(CollectionCase, { id });
  if (!found) throw CollectionsErrors.notFound('Case', caseId);
  if (!inScope(await scopeOf(ctx), found)) {
    throw mode === 'read' ? CollectionsErrors.notFound('Case', caseId) : CollectionsErrors.outOfScope();
  }
  return found;
}
