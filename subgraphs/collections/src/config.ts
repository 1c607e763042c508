import { baseConfigShape, credentialsKeyGuard, credentialsKeyShape, loadConfig, productionGuards, routerUrlShape, secret, Secret } from '@platform/kit';
import { z } from 'zod';
import { appReleaseGuard, appReleaseShape } from './modules/tools/services/app-release.config';

const DEV_PAYMENT_SECRET = 'development-only-payment-callback-secret';

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

export const collectionsConfigSchema = z
  .object({
    ...baseConfigShape,
    ...routerUrlShape,
    PORT: z.coerce.number().int().min(1).max(65535).default(4006),
    /** Key material for tenants' outbound secrets at rest (the same CREDENTIALS_KEY as identity's; its own HKDF labels). */
    ...credentialsKeyShape,
    /** How often due write-backs to tenants' core systems are sent; 0 turns the delivery worker off. */
    OUTBOUND_POLL_MS: ms(1000),
    /** A call to a core system gives up after this long. */
    OUTBOUND_TIMEOUT_MS: ms(10_000),
    /** Retry back-off: the first retry's ceiling, doubling up to the cap (with jitter). */
    OUTBOUND_BACKOFF_BASE_MS: ms(2000),
    OUTBOUND_BACKOFF_CAP_MS: ms(10 * 60_000),
    /** Tries before a write-back is given up as failed. */
    OUTBOUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(50),
    /** Consecutive failures that pause a tenant's calls, and for how long before one probe. */
    OUTBOUND_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
    OUTBOUND_BREAKER_COOLDOWN_MS: ms(30_000),
    /** The collector app's published release (version check, CCO app § 12.1). */
    ...appReleaseShape,
    /** Who places the collector app's calls, WhatsApp and SMS messages: `local` records what would be sent (no vendor yet). */
    TELEPHONY_PROVIDER: z.enum(['local']).default('local'),
    WHATSAPP_PROVIDER: z.enum(['local']).default('local'),
    SMS_PROVIDER: z.enum(['local']).default('local'),
    /** The SIP domain of the local telephony provider's call_url. */
    TELEPHONY_SIP_DOMAIN: z.string().min(1).default('pbx.local'),
    /** How often the PTP check runs (overdue promises broken, due ones reminded); 0 turns it off. */
    PTP_CHECK_POLL_MS: ms(60_000),
    /** An open promise due within this many hours (the end of its date, the tenant's calendar) is reminded once. */
    PTP_DUE_REMIND_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    /** The payment gateway behind payment links: `local` serves the payable pages itself (development, demos, tests). */
    PAYMENT_GATEWAY: z.enum(['local']).default('local'),
    /**
     * The payments HTTP endpoint (the gateway's signed callbacks, and the local gateway's pages): its port, default
     * 4010 (0 in tests: any free port), and the base URL links name (default http://localhost:<port>).
     */
    PAYMENT_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    PAYMENT_PUBLIC_URL: z.string().url().optional(),
    /** Where the gateway sends its callbacks; default this endpoint's own /payments/callback. */
    PAYMENT_CALLBACK_URL: z.string().url().optional(),
    /** HMAC-SHA256 key of the gateway's callbacks (shared with the gateway); must be set in production. */
    PAYMENT_CALLBACK_SECRET: secret(z.string().min(16, 'must be at least 16 characters')).default(new Secret(DEV_PAYMENT_SECRET)),
    /** A callback whose timestamp is further than this from now is refused (replays). */
    PAYMENT_CALLBACK_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
  })
  .superRefine((cfg, ctx) => {
    productionGuards(cfg, ctx);
    credentialsKeyGuard(cfg, ctx);
    appReleaseGuard(cfg, ctx);
    if (cfg.NODE_ENV === 'production' && cfg.PAYMENT_CALLBACK_SECRET instanceof Secret && cfg.PAYMENT_CALLBACK_SECRET.reveal() === DEV_PAYMENT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['PAYMENT_CALLBACK_SECRET'], message: 'must be set in production' });
    }
  });

export type CollectionsConfig = z.output<typeof collectionsConfigSchema>;

export const loadCollectionsConfig = (env: NodeJS.ProcessEnv = process.env): CollectionsConfig =>
  loadConfig('collections', collectionsConfigSchema, env);
