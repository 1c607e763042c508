import { z } from 'zod';
import { baseConfigShape, credentialsKeyGuard, credentialsKeyShape, isProduction, loadConfig, productionGuards, rateLimitConfigShape, secret } from '@platform/kit';

/** Passwords the seed documents (decisions.md); production refuses them for the bootstrap super admin. */
export const DOCUMENTED_PASSWORDS = ['123456', 'admin123', 'Admin123456'];

export const identityConfigSchema = z
  .object({
    ...baseConfigShape,
    PORT: z.coerce.number().int().min(1).max(65535).default(4001),
    /** Key material for AES-256-GCM of partner API secrets. */
    ...credentialsKeyShape,
    /** The tenant anonymous sign-up (002 register) lands in. */
    DEFAULT_TENANT_CODE: z.string().min(1).default('DEMO'),
    /** Production's first super admin (created on an empty database only); development seeds `superadmin`. */
    BOOTSTRAP_ADMIN_USERNAME: z.string().min(1).optional(),
    BOOTSTRAP_ADMIN_PASSWORD: secret(z.string().min(8, 'must be at least 8 characters')).optional(),
    /** `RATE_LIMITS` (identity applies login, refresh, register) and `RATE_LIMIT_PREFIX`: kit rate-limits.config.ts. */
    ...rateLimitConfigShape,
  })
  .superRefine((cfg, ctx) => {
    productionGuards(cfg, ctx);
    credentialsKeyGuard(cfg, ctx);
    if (!isProduction(cfg)) return;
    const bootstrap = cfg.BOOTSTRAP_ADMIN_PASSWORD?.reveal();
    if (bootstrap !== undefined && DOCUMENTED_PASSWORDS.includes(bootstrap)) {
      ctx.addIssue({ code: 'custom', path: ['BOOTSTRAP_ADMIN_PASSWORD'], message: 'must not be a documented default' });
    }
  });

export type IdentityConfig = z.output<typeof identityConfigSchema>;

export const loadIdentityConfig = (env: NodeJS.ProcessEnv = process.env): IdentityConfig =>
  loadConfig('identity', identityConfigSchema, env);
