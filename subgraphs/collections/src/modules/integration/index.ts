import type { CollectionsModule } from '../module';
import { WRITE_BACK_CONSUMERS } from './consumers/write-back.consumers';
import { IntegrationResolver, integrationRules } from './resolvers/integration.resolver';

/**
 * A tenant's core-system integration (decisions.md § CCO): its settings (base URL, IP whitelist, outbound auth), the
 * partner § 4 write-backs queued from collections' events and delivered by the worker (collections.services.ts).
 */
export const integrationModule: CollectionsModule = {
  resolvers: [IntegrationResolver],
  permissions: integrationRules,
  consumers: WRITE_BACK_CONSUMERS,
};
