import type { CollectionsContext } from '../../../collections.context';
import { Collector } from '../../org/entities/collector.entity';
import { scopeOf } from '../../org/services/scope';

/** The caller's own staff profile (a collector's, a team leader's …), or null for an admin without one. */
export async function callerProfile(ctx: CollectionsContext): Promise<Collector | null> {
  const { collectorId } = await scopeOf(ctx);
  return collectorId === undefined ? null : ctx.em.findOne(Collector, { id: collectorId });
}
