import type { RbacCase } from '@platform/testkit';
import { ADMINS } from './roles';

/** The integration module (decisions.md § CCO): the super admin and the tenant's own admins (tenants:update). */
export const integrationCases: Record<string, RbacCase> = {
  'Query.tenantIntegration': { query: '{ tenantIntegration(tenantId: "1") { coreBaseUrl } }', allow: ADMINS },
  'Query.integrationDeliveries': { query: '{ integrationDeliveries(tenantId: "1") { total } }', allow: ADMINS },
  'Mutation.setTenantIntegration': {
    query:
      'mutation { setTenantIntegration(tenantId: "1", input: { coreBaseUrl: "https://core.example", outboundAuth: { type: "hmac", apiKey: "k", apiSecret: "s" } }) { tenantId } }',
    allow: ADMINS,
  },
};
