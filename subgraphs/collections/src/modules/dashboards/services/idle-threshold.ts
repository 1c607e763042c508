import type { CollectionsContext } from '../../../collections.context';
import { SystemConfig } from '../../config/entities/system-config.entity';

/** Minutes without activity that count as idle, unless the tenant's `idle_threshold_minutes` setting says otherwise. */
export const DEFAULT_IDLE_THRESHOLD_MINUTES = 30;

export async function idleThresholdMinutes(ctx: CollectionsContext): Promise<number> {
  const setting = await ctx.em.findOne(SystemConfig, { configKey: 'idle_threshold_minutes' });
  const value = Number(setting?.configValue);
  return setting && Number.isInteger(value) && value > 0 ? value : DEFAULT_IDLE_THRESHOLD_MINUTES;
}
