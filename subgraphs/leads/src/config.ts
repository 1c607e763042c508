import { baseConfigShape, loadConfig, mailConfigShape, productionGuards } from '@platform/kit';
import { IANAZone } from 'luxon';
import { z } from 'zod';

export const leadsConfigSchema = z
  .object({
    ...baseConfigShape,
    ...mailConfigShape,
    PORT: z.coerce.number().int().min(1).max(65535).default(4003),
    /** A tenant's zone until its admin sets one (002's system is Chinese). */
    LEADS_TIME_ZONE: z
      .string()
      .default('Asia/Shanghai')
      .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone'),
    /** The local hour the daily overdue check runs at (002: 9 in the morning). */
    REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(9),
    /** How often each instance looks whether a tenant's daily check is due; `0` turns the daily check off. */
    REMINDER_POLL_SECONDS: z.coerce.number().int().min(0).default(60),
  })
  .superRefine(productionGuards);

export type LeadsConfig = z.output<typeof leadsConfigSchema>;

export const loadLeadsConfig = (env: NodeJS.ProcessEnv = process.env): LeadsConfig =>
  loadConfig('leads', leadsConfigSchema, env);
