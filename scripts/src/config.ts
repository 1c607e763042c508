import path from 'node:path';
import { z } from 'zod';
import { baseConfigShape, loadConfig, productionGuards, storageConfigShape, storageGuards } from '@platform/kit';
import { adapterEdgeShape } from '@platform/rest-adapter';
import { trustedDocumentsConfigShape } from '@platform/router';

/** The all-in-one launcher (`npm start`): router, adapter and every subgraph in one process. */
export const platformConfigSchema = z
  .object({
    ...baseConfigShape,
    // TRUSTED_PROXIES and CORS_ORIGINS (the kit's, for router and adapter alike) and the kit's RATE_LIMITS and
    // RATE_LIMIT_PREFIX, which identity reads from the same environment: one value for both.
    ...adapterEdgeShape,
    ...trustedDocumentsConfigShape,
    // The files subgraph's and the adapter's (uploads, downloads): one store. STORAGE_DIR defaults to DATA_DIR/files.
    ...storageConfigShape,
    HOST: z.string().default('127.0.0.1'),
    ROUTER_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    ADAPTER_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
    /** Where each subgraph's SQLite file lives when DATABASE_URL is not set. */
    DATA_DIR: z.string().default('./data'),
  })
  .superRefine(productionGuards)
  .superRefine(storageGuards);

export type PlatformConfig = z.output<typeof platformConfigSchema>;

export const loadPlatformConfig = (env: NodeJS.ProcessEnv = process.env): PlatformConfig =>
  loadConfig('platform', platformConfigSchema, env);

/**
 * The database of one subgraph: its own SQLite file under DATA_DIR in the embedded mode, or — when
 * DATABASE_URL names a MySQL server — a database of its own on that server (`<name>_<subgraph>`).
 */
export function subgraphDatabaseUrl(cfg: Pick<PlatformConfig, 'DATABASE_URL' | 'DATA_DIR'>, subgraph: string): string {
  if (!cfg.DATABASE_URL) {
    return cfg.DATA_DIR === ':memory:' ? ':memory:' : `file:${path.resolve(cfg.DATA_DIR, `${subgraph}.db`)}`;
  }
  const url = new URL(cfg.DATABASE_URL);
  const base = url.pathname.replace(/^\//, '') || 'platform';
  url.pathname = `/${base}_${subgraph}`;
  return url.toString();
}
