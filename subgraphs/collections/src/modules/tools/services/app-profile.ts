import { forbidden } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import type { Collector } from '../../org/entities/collector.entity';
import { callerProfile } from '../../work/services/staff';

/**
 * The signed-in app user's staff profile (a collector or team leader). The app's "my" figures and tools are about
 * one person in one agency: an account without a profile (an administrator) is FORBIDDEN, as at the app's sign-in.
 */
export async function appProfile(ctx: CollectionsContext): Promise<Collector> {
  const profile = await callerProfile(ctx);
  if (!profile) throw forbidden('The collector app needs a collections staff profile', { reason: 'NO_STAFF_PROFILE' });
  return profile;
}
