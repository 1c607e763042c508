import { z } from 'zod';
import { loadCliSettings, secret } from '@platform/kit';

/**
 * The runnable simulator's settings: flags (`--platform-url=http://…`) win over environment variables
 * (`PLATFORM_URL=http://…`). The API key and secret are the platform's key for the tenant (an admin issues it with
 * `POST /api/v1/tenants/{id}/api-credentials`): the simulator signs its pushes with it and checks the platform's calls
 * against it. The only file that reads process.env.
 */
const schema = z.object({
  /** The platform's REST adapter, where pushes go (`/api/v1/webhook/...`). */
  platformUrl: z.url().default('http://127.0.0.1:8000'),
  tenantCode: z.string().min(1).default('DEMO'),
  apiKey: z.string().min(1),
  apiSecret: secret(),
  /** OAuth 2.0 client credentials the platform may use instead of signing (both or neither). */
  oauthClientId: z.string().min(1).optional(),
  oauthClientSecret: secret().optional(),
  port: z.coerce.number().int().min(0).max(65_535).default(4100),
  host: z.string().default('127.0.0.1'),
  /** The tenant's zone: the partner document's times carry none. */
  timeZone: z.string().default('Asia/Manila'),
  /** The generated cases: the same seed gives the same debtors and loans. */
  seed: z.coerce.number().int().min(0).default(1),
  /** A batch of `batchSize` cases every `batchMinutes` minutes (0: only on command). */
  batchMinutes: z.coerce.number().nonnegative().default(0),
  batchSize: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Repayments a second over the pushed cases (0: only on command). */
  repaymentRate: z.coerce.number().nonnegative().max(100).default(0),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).refine((c) => !c.oauthClientId === !c.oauthClientSecret, { message: 'set both OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET, or neither', path: ['oauthClientId'] });

export type SimulatorConfig = z.output<typeof schema>;

const ENV_NAMES: Record<keyof SimulatorConfig, string> = {
  platformUrl: 'PLATFORM_URL',
  tenantCode: 'TENANT_CODE',
  apiKey: 'API_KEY',
  apiSecret: 'API_SECRET',
  oauthClientId: 'OAUTH_CLIENT_ID',
  oauthClientSecret: 'OAUTH_CLIENT_SECRET',
  port: 'PORT',
  host: 'HOST',
  timeZone: 'TIME_ZONE',
  seed: 'SEED',
  batchMinutes: 'SCHEDULE_BATCH_MINUTES',
  batchSize: 'SCHEDULE_BATCH_SIZE',
  repaymentRate: 'SCHEDULE_REPAYMENT_RATE',
  logLevel: 'LOG_LEVEL',
};

export function loadSimulatorConfig(argv = process.argv.slice(2), env = process.env): SimulatorConfig {
  return loadCliSettings('simulator', schema, ENV_NAMES, argv, env);
}
