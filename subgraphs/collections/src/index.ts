import 'reflect-metadata';

export { collectionsConfigSchema, loadCollectionsConfig, type CollectionsConfig } from './config';
export type { CollectionsContext } from './collections.context';
export { CollectionsErrors } from './collections.errors';
export {
  collections,
  collections as subgraph,
  type CollectionsDeps,
  type CollectionsRuntime,
} from './collections.subgraph';
export * from './entities';
export { listen } from './main';
export { tenantSetting, tenantSettings, SETTINGS, type SettingKey, type Settings } from './modules/config/services/settings';
export { tenantZone } from './modules/config/services/tenant-day';
export { queueForOverdueDays } from './modules/queues';
export { seedStandardFields } from './modules/fields';
export { applyRepayment, CALLBACK_HEADERS, inspectionResult, runPtpCheck, signCallback, type ApplyRepaymentInput, type PaymentCallbackBody, type PtpCheckResult, type RepaymentOutcome } from './modules/work';
export { PaymentLink } from './modules/work/entities/payment-link.entity';
export { STAFF_ACCOUNT_DOCUMENTS } from './modules/org/services/staff-accounts';
export { PARTNER_DOCUMENTS } from './modules/partner/services/partner-auth';
export { backoffDelay, type BackoffPolicy } from './modules/integration/services/backoff';
export { CircuitBreaker, TenantBreakers, type BreakerOptions, type BreakerState } from './modules/integration/services/circuit-breaker';
export { whitelistAllows } from './modules/integration/services/ip-whitelist';
