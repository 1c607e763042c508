import { CredentialCipher, forkForTenant, startPeriodicJob, type GraphAccess, type SubgraphParts, type TokenSigner } from '@platform/kit';
import type { CollectionsConfig } from './config';
import { tenantCodeOf } from './modules/config/services/tenant-code';
import { TenantBreakers } from './modules/integration/services/circuit-breaker';
import { CoreClient } from './modules/integration/services/core-client';
import { deliverDue, type DeliveryPolicy } from './modules/integration/services/delivery-worker';
import { INTEGRATION_SECRET_CIPHER } from './modules/integration/services/integration-cipher';
import type { ContactProviders } from './modules/app/providers/contact-providers';
import { chooseContactProviders } from './modules/app/providers/choose-providers';
import { startPayments, type Payments } from './modules/work/payments/payments';
import { runPtpCheck, type PtpCheckResult } from './modules/work/services/ptp-check';

/**
 * What collections' resolvers reach beyond the request: the graph through the router (creating a collector creates
 * its identity account as the caller), tenants' core systems and the write-backs to them. Modules add their
 * services here.
 */
export interface CollectionsServices {
  config: CollectionsConfig;
  graph?: GraphAccess;
  /** Signs the caller's own claims for a call through the graph made on their behalf. */
  signer: TokenSigner;
  /** Tenants' outbound secrets at rest. */
  cipher: CredentialCipher;
  /** Calls to tenants' core systems (signed or OAuth2, behind a per-tenant circuit breaker). */
  core: CoreClient;
  /** The write-back delivery worker: `runOnce` sends what is due now (the timer calls it every OUTBOUND_POLL_MS). */
  deliveries: { runOnce(this: void, now?: Date): Promise<number>; stop(this: void): void };
  /** Telephony, WhatsApp and SMS for the collector app (config: TELEPHONY_PROVIDER, WHATSAPP_PROVIDER, SMS_PROVIDER). */
  contact: ContactProviders;
  /** Payment links' gateway and the endpoint it calls back. */
  payments: Payments;
  /** The PTP check: `runOnce` breaks overdue promises and reminds due ones (the timer calls it every PTP_CHECK_POLL_MS). */
  ptpCheck: { runOnce(this: void, now?: Date): Promise<PtpCheckResult>; stop(this: void): void };
}

export const deliveryPolicy = (config: CollectionsConfig): DeliveryPolicy => ({
  backoff: { baseMs: config.OUTBOUND_BACKOFF_BASE_MS, capMs: config.OUTBOUND_BACKOFF_CAP_MS },
  maxAttempts: config.OUTBOUND_MAX_ATTEMPTS,
  batchSize: 100,
  leaseMs: config.OUTBOUND_TIMEOUT_MS * 3,
});

export function collectionsServices({ config, graph, signer, orm, logger }: SubgraphParts<CollectionsConfig>): CollectionsServices {
  const cipher = new CredentialCipher(config.CREDENTIALS_KEY, INTEGRATION_SECRET_CIPHER);
  const breakers = new TenantBreakers({ failureThreshold: config.OUTBOUND_BREAKER_FAILURES, cooldownMs: config.OUTBOUND_BREAKER_COOLDOWN_MS });
  const core = new CoreClient(cipher, breakers, config.OUTBOUND_TIMEOUT_MS, (tenantId) => tenantCodeOf(forkForTenant(orm.em, null), tenantId));
  const policy = deliveryPolicy(config);
  const runOnce = (now?: Date) => deliverDue(forkForTenant(orm.em, null), core, policy, logger, now);
  const job = startPeriodicJob(runOnce, config.OUTBOUND_POLL_MS, logger, 'write-back deliveries');
  const contact = chooseContactProviders(config, logger);
  const payments = startPayments(config, orm.em, logger);
  const checkPtps = (now?: Date) => runPtpCheck(orm.em, { remindHours: config.PTP_DUE_REMIND_HOURS }, now);
  const ptpJob = startPeriodicJob(checkPtps, config.PTP_CHECK_POLL_MS, logger, 'PTP check');
  return {
    config,
    graph,
    signer,
    cipher,
    core,
    deliveries: { runOnce, stop: job.stop },
    contact,
    payments,
    ptpCheck: { runOnce: checkPtps, stop: ptpJob.stop },
  };
}
