import { baseConfigShape, loadConfig, productionGuards, routerUrlShape, storageConfigShape, storageGuards } from '@platform/kit';
import { z } from 'zod';

const milliseconds = (fallback: number) => z.coerce.number().int().min(100).default(fallback);

export const filesConfigSchema = z
  .object({
    ...baseConfigShape,
    ...routerUrlShape,
    ...storageConfigShape,
    PORT: z.coerce.number().int().min(1).max(65535).default(4005),
    /** The router export tasks run their operations through, when this subgraph is its own process. */
    ROUTER_URL: z.url().default('http://127.0.0.1:4000/graphql'),
    /** BullMQ's key prefix (with REDIS_URL): deployments and test runs sharing one Redis keep apart. */
    EXPORT_QUEUE_PREFIX: z.string().default('exports'),
    /** How long a worker's hold on a task lasts without renewal; a killed worker's task moves on after it. */
    EXPORT_LOCK_MS: milliseconds(30_000),
    /** How often workers look for tasks whose worker died (BullMQ stalled-job check). */
    EXPORT_STALLED_CHECK_MS: milliseconds(30_000),
    /** Rows asked of the graph per page by an export. */
    EXPORT_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(1000),
  })
  .superRefine(productionGuards)
  .superRefine(storageGuards);

export type FilesConfig = z.output<typeof filesConfigSchema>;

export const loadFilesConfig = (env: NodeJS.ProcessEnv = process.env): FilesConfig =>
  loadConfig('files', filesConfigSchema, env);
