import type { EntityManager } from '@mikro-orm/core';
import { badInput, type CredentialCipher } from '@platform/kit';
import { TenantIntegration, type OutboundAuthKind } from '../entities/tenant-integration.entity';
import type { TenantIntegrationInput } from '../resolvers/integration.types';
import { normalizeWhitelistEntry } from './ip-whitelist';

const MAX_WHITELIST = 100;

/** The tenant's integration, or null when it has none (then no write-backs are made for it). */
export const integrationOf = (em: EntityManager, tenantId: number): Promise<TenantIntegration | null> =>
  em.findOne(TenantIntegration, { tenantId });

/** An http(s) URL without query or fragment, answered without its trailing slash. */
function baseUrl(field: string, value: string | null | undefined): string {
  const text = (value ?? '').trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(field, `${field} must be an http(s) URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw badInput(field, `${field} must be an http(s) URL without credentials, query or fragment`);
  }
  return text.replace(/\/+$/, '');
}

function required(field: string, value: string | null | undefined, max = 200): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, `${field} is required`);
  if (text.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text;
}

interface ValidAuth {
  authKind: OutboundAuthKind;
  authId: string;
  secret: string;
  tokenUrl: string | null;
  scope: string | null;
}

function validAuth(input: TenantIntegrationInput['outboundAuth']): ValidAuth {
  switch (input.type) {
    case 'hmac':
      return { authKind: 'hmac', authId: required('outboundAuth.apiKey', input.apiKey), secret: required('outboundAuth.apiSecret', input.apiSecret, 500), tokenUrl: null, scope: null };
    case 'oauth2':
      return {
        authKind: 'oauth2',
        authId: required('outboundAuth.clientId', input.clientId),
        secret: required('outboundAuth.clientSecret', input.clientSecret, 500),
        tokenUrl: baseUrl('outboundAuth.tokenUrl', input.tokenUrl),
        scope: input.scope?.trim() ? required('outboundAuth.scope', input.scope) : null,
      };
    default:
      throw badInput('outboundAuth.type', 'outboundAuth.type must be hmac or oauth2');
  }
}

/**
 * Sets (creates or replaces) a tenant's integration: everything is checked before anything is written, the secret is
 * kept encrypted. Answers the row.
 */
export async function setIntegration(em: EntityManager, cipher: CredentialCipher, tenantId: number, input: TenantIntegrationInput): Promise<TenantIntegration> {
  const coreBaseUrl = baseUrl('coreBaseUrl', input.coreBaseUrl);
  if (input.ipWhitelist.length > MAX_WHITELIST) throw badInput('ipWhitelist', `ipWhitelist holds at most ${MAX_WHITELIST} entries`);
  const ipWhitelist = input.ipWhitelist.map((entry) => {
    const normalized = normalizeWhitelistEntry(entry);
    if (!normalized) throw badInput('ipWhitelist', `ipWhitelist entry ${JSON.stringify(entry)} is not an IP address or CIDR block`);
    return normalized;
  });
  const { secret, ...auth } = validAuth(input.outboundAuth);
  const values = { coreBaseUrl, ipWhitelist: [...new Set(ipWhitelist)], ...auth, secretCiphertext: cipher.encrypt(secret) };
  const row = (await integrationOf(em, tenantId)) ?? em.create(TenantIntegration, { tenantId, ...values });
  em.assign(row, values);
  await em.flush();
  return row;
}
