import { DomainError, TENANT_FILTER, toErrorCode, unauthenticated, type TenantFilterParams } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { whitelistAllows } from '../../integration/services/ip-whitelist';
import { integrationOf } from '../../integration/services/tenant-integration.service';
import { PartnerRequestInput } from '../resolvers/partner.inputs';

const VERIFY = `mutation CollectionsVerifyPartnerRequest($input: PartnerRequestInput!) { verifyPartnerRequest(input: $input) { tenantId } }`;

/** The operations collections sends through the router, for its trusted-documents list. */
export const PARTNER_DOCUMENTS: Record<string, string> = { CollectionsVerifyPartnerRequest: VERIFY };

/**
 * Authenticates a partner push before anything of it is read: identity (which holds the secrets) checks the
 * signature over the raw body, the time window, replays, the key and the tenant code. Its refusals come back with
 * their codes (UNAUTHENTICATED, RATE_LIMITED). Then the caller's address must be in the tenant's IP whitelist
 * (its integration, the one place it is kept; none or an empty one allows every address). On success the request
 * acts in that tenant: the tenant filter of the mutation's EntityManager is set to it. Answers the tenant id.
 */
export async function authenticatePartner(ctx: CollectionsContext, request: PartnerRequestInput): Promise<number> {
  const graph = ctx.services.graph;
  if (!graph) throw new DomainError('UNAVAILABLE', 'partner verification is out of reach: collections runs without the router');
  const executor = await graph.executor();
  const input = { ...request };
  const result = await executor.execute({ query: VERIFY, variables: { input }, headers: {} });
  const error = result.errors?.[0];
  if (error) {
    const { code, reason } = (error.extensions ?? {}) as Record<string, unknown>;
    throw new DomainError(toErrorCode(code), error.message, typeof reason === 'string' ? { reason } : {});
  }
  const tenantId = (result.data as { verifyPartnerRequest: { tenantId: number } }).verifyPartnerRequest.tenantId;
  ctx.em.setFilterParams(TENANT_FILTER, { tenantId } satisfies TenantFilterParams);
  const integration = await integrationOf(ctx.em, tenantId);
  if (integration && !whitelistAllows(integration.ipWhitelist, ctx.clientAddress)) {
    throw unauthenticated('The caller’s address is not in the tenant’s IP whitelist', { reason: 'IP_NOT_WHITELISTED' });
  }
  return tenantId;
}
