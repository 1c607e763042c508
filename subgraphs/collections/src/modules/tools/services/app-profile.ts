import { forbidden, hasRole, notFound, unauthenticated, type Caller, type IRule } from '@platform/kit';
import { rule } from 'graphql-shield';
import type { CollectionsContext } from '../../../collections.context';
import type { Collector } from '../../org/entities/collector.entity';
import { callerProfile } from '../../work/services/staff';

/** Who the collector app is for (identity's COLLECTOR_APP_ROLES): collectors and team leaders. */
export const APP_ROLES = ['collector', 'TeamLeader'];

/** The app's "my" operations: about one person in one agency, so only the app's own roles. */
export const usesCollectorApp: IRule = rule('collections:usesCollectorApp', { cache: 'contextual' })((_p, _a, ctx: { caller: Caller | null }) => {
  if (!ctx.caller) return unauthenticated();
  return APP_ROLES.some((role) => hasRole(ctx.caller, role)) ? true : forbidden('Requires a collector app account (collector or team leader)');
});

/** The signed-in app user's staff profile; an app account collections has no profile for is NOT_FOUND. */
export async function appProfile(ctx: CollectionsContext): Promise<Collector> {
  const profile = await callerProfile(ctx);
  if (!profile) throw notFound('Collector profile', ctx.caller?.userId);
  return profile;
}
