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
    /** Face sign-in (collector app): `local` runs offline in this process; `vendor` calls a hosted face API. */
    FACE_PROVIDER: z.enum(['local', 'vendor']).default('local'),
    FACE_VENDOR_URL: z.url().optional(),
    FACE_VENDOR_API_KEY: secret(z.string().min(1)).optional(),
    /** The provider's similarity (0–1) a sign-in photo must reach; each provider has its own default. */
    FACE_MATCH_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  })
  .superRefine((cfg, ctx) => {
    productionGuards(cfg, ctx);
    credentialsKeyGuard(cfg, ctx);
    if (cfg.FACE_PROVIDER === 'vendor') {
      if (!cfg.FACE_VENDOR_URL) ctx.addIssue({ code: 'custom', path: ['FACE_VENDOR_URL'], message: 'is required with FACE_PROVIDER=vendor' });
      if (!cfg.FACE_VENDOR_API_KEY) ctx.addIssue({ code: 'custom', path: ['FACE_VENDOR_API_KEY'], message: 'is required with FACE_PROVIDER=vendor' });
    }
    if (!isProduction(cfg)) return;
    const bootstrap = cfg.BOOTSTRAP_ADMIN_PASSWORD?.reveal();
    if (bootstrap !== undefined && DOCUMENTED_PASSWORDS.includes(bootstrap)) {
      ctx.addIssue({ code: 'custom', path: ['BOOTSTRAP_ADMIN_PASSWORD'], message: 'must not be a documented default' });
    }
  });

export type IdentityConfig = z.output<typeof identityConfigSchema>;

export const loadIdentityConfig = (env: NodeJS.ProcessEnv = process.env): IdentityConfig =>
  loadConfig('identity', identityConfigSchema, env);
