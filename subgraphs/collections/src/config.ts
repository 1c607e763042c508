import { baseConfigShape, loadConfig, productionGuards } from '@platform/kit';
import { z } from 'zod';

export const collectionsConfigSchema = z
  .object({ ...baseConfigShape, PORT: z.coerce.number().int().min(1).max(65535).default(4006) })
  .superRefine(productionGuards);

export type CollectionsConfig = z.output<typeof collectionsConfigSchema>;

export const loadCollectionsConfig = (env: NodeJS.ProcessEnv = process.env): CollectionsConfig =>
  loadConfig('collections', collectionsConfigSchema, env);
