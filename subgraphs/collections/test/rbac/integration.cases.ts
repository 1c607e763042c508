import type { RbacCase } from '@platform/testkit';
import { ADMINS, CONSOLE } from './roles';

/** The integration module (decisions.md § CCO): the super admin and the tenant's own admins (tenants:update). */
export const integrationCases: Record<string, RbacCase> = {
  'Query.tenantIntegration': { query: '{ tenantIntegration(tenantId: "1") { coreBaseUrl } }', allow: ADMINS },
  'Query.integrationDeliveries': { query: '{ integrationDeliveries(tenantId: "1") { total } }', allow: ADMINS },
  'Mutation.setTenantIntegration': {
    query:
      'mutation { setTenantIntegration(tenantId: "1", input: { coreBaseUrl: "https://core.example", outboundAuth: { type: "hmac", apiKey: "k", apiSecret: "s" } }) { tenantId } }',
    allow: ADMINS,
  },
  'Mutation.retryIntegrationDelivery': { query: 'mutation { retryIntegrationDelivery(tenantId: "1", id: "999999") { id } }', allow: ADMINS },
};

/** Partner §§ 3/6 reads: a case's core view for whoever works cases; the core's statistics for the tenant's admins. */
export const coreQueryCases: Record<string, RbacCase> = {
  'Query.caseFromCore': { query: '{ caseFromCore(caseId: "999") { caseCode } }', allow: [...CONSOLE, 'collector'] },
  'Query.coreCaseOverview': { query: '{ coreCaseOverview(tenantId: "1") }', allow: ADMINS },
  'Query.coreStatisticsByProduct': { query: '{ coreStatisticsByProduct(tenantId: "1") }', allow: ADMINS },
};
