import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { call } from './contract';

/** A tenant's partner API key as issued (the secret is shown once). */
export interface PartnerKey {
  id: number;
  apiKey: string;
  secret: string;
}

/** How a push is signed; each field overrides the genuine value (a wrong secret, a stale time, another tenant). */
export interface Signing {
  apiKey?: string;
  secret?: string;
  timestamp?: number;
  tenantCode?: string;
  signature?: string;
}

/** Issues a key for the tenant through the admin route, as its administrator would. */
export async function issuePartnerKey(app: FastifyInstance, token: string, tenantId: number, name: string): Promise<PartnerKey> {
  const res = await call(app, 'POST', `/api/v1/tenants/${tenantId}/api-credentials`, { token, body: { name } });
  if (res.status !== 200) throw new Error(`issuing a key answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { id: res.body.data.id, apiKey: res.body.data.api_key, secret: res.body.data.api_secret };
}

/** The headers of a push as the tenant's core system signs it: hex HMAC-SHA256(secret, api_key + timestamp + raw body). */
export function partnerHeaders(key: PartnerKey, raw: string, signing: Signing = {}): Record<string, string> {
  const apiKey = signing.apiKey ?? key.apiKey;
  const timestamp = String(signing.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = signing.signature ?? createHmac('sha256', signing.secret ?? key.secret).update(apiKey + timestamp + raw).digest('hex');
  return {
    'content-type': 'application/json',
    'x-api-key': apiKey,
    'x-timestamp': timestamp,
    'x-signature': signature,
    'x-tenant-code': signing.tenantCode ?? 'DEMO',
    'x-api-secret': 'ignored',
  };
}

/** A partner push (`/api/v1/webhook<path>`): the body's exact text signed with the key's secret. */
export function signedPush(app: FastifyInstance, key: PartnerKey, path: string, body: unknown, signing: Signing = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return call(app, 'POST', `/api/v1/webhook${path}`, { body: raw, headers: partnerHeaders(key, raw, signing) });
}

/** One case row of a § 2.1 batch (the required fields and the amounts), in the document's names. */
export const partnerCaseRow = (code: string, extra: Record<string, unknown> = {}) => ({
  case_code: code,
  user_id: `USER_${code}`,
  user_name: '陈大明',
  mobile: '+63-917-111-1111',
  loan_amount: 5000.0,
  repaid_amount: 1000.0,
  outstanding_amount: 4000.0,
  overdue_days: 15,
  due_date: '2025-11-05',
  case_status: 'pending_repayment',
  ...extra,
});
