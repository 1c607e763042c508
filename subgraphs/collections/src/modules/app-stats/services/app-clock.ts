import type { CollectionsContext } from '../../../collections.context';
import { zoneOffsetHours } from '../../dashboards/services/local-day';
import type { Collector } from '../../org/entities/collector.entity';
import { scopeOf } from '../../org/services/scope';
import { appProfile } from '../../tools/services/app-profile';

/** The signed-in collector and their agency's UTC offset: the app counts days on the agency's clock. */
export async function appClock(ctx: CollectionsContext): Promise<{ me: Collector; offset: number }> {
  const me = await appProfile(ctx);
  return { me, offset: await zoneOffsetHours(ctx, await scopeOf(ctx), me.agencyId) };
}
