import { z } from 'zod';
import { loadConfig, secret, storageConfigShape, storageGuards } from '@platform/kit';
import { adapterEdgeShape } from './edge.config';

export const adapterConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().default('0.0.0.0'),
  /** The router's GraphQL endpoint. */
  ROUTER_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /** Shared rate-limit counters across adapter instances; in-memory counters without it. */
  REDIS_URL: z.string().optional(),
  /**
   * The tokens' signing secret (as identity's): lets the rate limits count per verified user. Without it, calls
   * with a token count per client address.
   */
  JWT_SECRET: secret(z.string().min(32, 'must be at least 32 characters')).optional(),
  ...adapterEdgeShape,
  /** The supergraph to validate the operations against at start (schema/supergraph.graphql). */
  SUPERGRAPH_PATH: z.string().optional(),
  /** The files subgraph's store: uploads stream into it, downloads out of it (the same settings as files'). */
  ...storageConfigShape,
}).superRefine(storageGuards);

export type AdapterConfig = z.output<typeof adapterConfigSchema>;

/** The separate-process adapter's settings; fails fast naming every bad variable. */
export const loadAdapterConfig = (env: NodeJS.ProcessEnv = process.env): AdapterConfig =>
  loadConfig('rest-adapter', adapterConfigSchema, env);
