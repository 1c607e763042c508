import type { CollectionsModule } from '../module';
import { WRITE_BACK_CONSUMERS } from './consumers/write-back.consumers';
import { CoreQueryResolver, coreQueryRules } from './resolvers/core-query.resolver';
import { IntegrationResolver, integrationRules } from './resolvers/integration.resolver';

/**
 * A tenant's core-system integration (decisions.md § CCO): its settings (base URL, IP whitelist, outbound auth), the
 * partner § 3/§ 6 reads from the core system (caseFromCore, core statistics), the partner § 4 write-backs queued from collections' events and delivered by the worker (collections.services.ts).
 */
export const integrationModule: CollectionsModule = {
  resolvers: [IntegrationResolver, CoreQueryResolver],
  permissions: {
    ...integrationRules,
    ...coreQueryRules,
    Query: { ...integrationRules.Query, ...coreQueryRules.Query },
  },
  consumers: WRITE_BACK_CONSUMERS,
};
