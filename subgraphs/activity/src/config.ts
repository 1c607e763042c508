import { baseConfigShape, loadConfig, productionGuards } from '@platform/kit';
import { z } from 'zod';

export const activityConfigSchema = z
  .object({
    ...baseConfigShape,
    PORT: z.coerce.number().int().min(1).max(65535).default(4002),
    /** How often unread notifications with reminders are checked; 0 turns the reminder job off. */
    REMINDER_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    /** How often announcements whose window has started are pushed live; 0 turns it off (those in effect at creation still go). */
    ANNOUNCEMENT_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  })
  .superRefine(productionGuards);

export type ActivityConfig = z.output<typeof activityConfigSchema>;

export const loadActivityConfig = (env: NodeJS.ProcessEnv = process.env): ActivityConfig =>
  loadConfig('activity', activityConfigSchema, env);
