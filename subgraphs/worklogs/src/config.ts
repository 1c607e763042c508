import { baseConfigShape, loadConfig, productionGuards } from '@platform/kit';
import { z } from 'zod';

export const worklogsConfigSchema = z
  .object({ ...baseConfigShape, PORT: z.coerce.number().int().min(1).max(65535).default(4004) })
  .superRefine(productionGuards);

export type WorklogsConfig = z.output<typeof worklogsConfigSchema>;

export const loadWorklogsConfig = (env: NodeJS.ProcessEnv = process.env): WorklogsConfig =>
  loadConfig('worklogs', worklogsConfigSchema, env);
