import type { EntityManager } from '@mikro-orm/core';
import { businessRule, DomainError, notFound } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { canSeePersonalData, maskAddress, maskBankAccount, maskIdNumber, maskMobile } from '../../cases/services/personal-data.mask';
import { caseInReach } from '../../work/services/case-reach';
import { TenantIntegration } from '../entities/tenant-integration.entity';
import { CoreCallError } from './core-client';

/**
 * Reads from a tenant's core system (partner § 3 queries, § 6 statistics) through the same signed (or OAuth2) client
 * and breaker as the write-backs. The core being unreachable, failing or paused by the breaker is UNAVAILABLE with
 * the reason; a tenant without an integration is BUSINESS_RULE (NO_INTEGRATION).
 */

type Json = Record<string, unknown>;

async function integrationFor(em: EntityManager, tenantId: number): Promise<TenantIntegration> {
  const found = await em.findOne(TenantIntegration, { tenantId }, { populate: ['secretCiphertext'] });
  if (!found) throw businessRule('The tenant has no core-system integration', { reason: 'NO_INTEGRATION' });
  return found;
}

/** `data` of the core's `{code, data}` answer, errors in the shared vocabulary. */
async function coreData(ctx: CollectionsContext, integration: TenantIntegration, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  try {
    const answer = await ctx.services.core.call(integration, method, path, body);
    return typeof answer.body === 'object' && answer.body !== null ? (answer.body as { data?: unknown }).data : undefined;
  } catch (error) {
    if (!(error instanceof CoreCallError)) throw error;
    if (error.status === 404) throw notFound('Core record', path);
    throw new DomainError('UNAVAILABLE', `The core system did not answer: ${error.message}`, { reason: error.reason.toUpperCase() });
  }
}

const asJson = (value: unknown): Json | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null);

/** § 8.2: a customer's personal data masked for a caller without cases:view_sensitive. */
function maskCustomer(customer: Json | null): Json | null {
  if (!customer) return null;
  const str = (v: unknown, mask: (s: string) => string) => (typeof v === 'string' ? mask(v) : v);
  const contacts = Array.isArray(customer.emergency_contacts) ? customer.emergency_contacts : [];
  const accounts = Array.isArray(customer.bank_accounts) ? customer.bank_accounts : [];
  return {
    ...customer,
    mobile: str(customer.mobile, maskMobile),
    id_number: str(customer.id_number, maskIdNumber),
    address: str(customer.address, maskAddress),
    emergency_contacts: contacts.map((c) => ({ ...asJson(c), mobile: str(asJson(c)?.mobile, maskMobile) })),
    bank_accounts: accounts.map((a) => ({ ...asJson(a), account_no: str(asJson(a)?.account_no, maskBankAccount) })),
  };
}

export interface CoreCaseView {
  caseCode: string;
  customer: Json | null;
  loan: Json | null;
  repayments: Json | null;
  status: Json | null;
}

/** What the core system holds now about a case in the caller's reach: § 3.1 customer, § 3.2 loan, § 3.3 repayments, § 3.4 status. */
export async function caseFromCore(ctx: CollectionsContext, caseId: string): Promise<CoreCaseView> {
  const found = await caseInReach(ctx, caseId, 'read');
  const integration = await integrationFor(ctx.em, found.tenantId);
  const loanPath = found.loanId ? `/api/loans/${encodeURIComponent(found.loanId)}` : null;
  const [customer, loan, repayments, statuses] = await Promise.all([
    coreData(ctx, integration, 'GET', `/api/customers/${encodeURIComponent(found.customerId)}`),
    loanPath ? coreData(ctx, integration, 'GET', loanPath) : null,
    loanPath ? coreData(ctx, integration, 'GET', `${loanPath}/repayments`) : null,
    coreData(ctx, integration, 'POST', '/api/cases/batch-status', { case_codes: [found.caseCode] }),
  ]);
  const status = Array.isArray(statuses) ? statuses.map(asJson).find((s) => s?.case_code === found.caseCode) : undefined;
  return {
    caseCode: found.caseCode,
    customer: canSeePersonalData(ctx.caller) ? asJson(customer) : maskCustomer(asJson(customer)),
    loan: asJson(loan),
    repayments: asJson(repayments),
    status: status ?? null,
  };
}

/** § 6.1 (`case-overview`) or § 6.2 (`by-product`) for a day (YYYY-MM-DD; the core's today when absent). */
export async function coreStatistics(ctx: CollectionsContext, tenantId: number, which: 'case-overview' | 'by-product', date: string | null | undefined): Promise<Json> {
  if (date != null && !/^\d{4}-\d\d-\d\d$/.test(date)) throw new DomainError('BAD_USER_INPUT', 'date must be YYYY-MM-DD', { field: 'date' });
  const integration = await integrationFor(ctx.em, tenantId);
  const query = date ? `?date=${date}` : '';
  return asJson(await coreData(ctx, integration, 'GET', `/api/statistics/${which}${query}`)) ?? {};
}
