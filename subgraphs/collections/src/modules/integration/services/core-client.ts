import { partnerHeaders, type CredentialCipher } from '@platform/kit';
import type { TenantIntegration } from '../entities/tenant-integration.entity';
import type { TenantBreakers } from './circuit-breaker';

/** Why a call to a core system did not succeed; `retryable` when trying again later may work. */
export class CoreCallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly reason: 'unreachable' | 'circuit_open' | 'refused' | 'server_error' | 'auth_failed',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CoreCallError';
  }
}

export interface CoreAnswer {
  status: number;
  body: unknown;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** A token is renewed this long before the expiry the token endpoint announced. */
const TOKEN_MARGIN_MS = 30_000;

/**
 * Calls a tenant's core system (partner §§ 3, 4, 6) as the tenant's integration says: signed like partner § 1.1 with
 * our outbound key, or with an OAuth2 client-credentials token (cached until shortly before it expires). Each call
 * passes the tenant's circuit breaker. Secrets are decrypted per call and never logged.
 */
export class CoreClient {
  /** Per tenant client: the token, or the request for it in flight (concurrent calls share one request). */
  private readonly tokens = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly cipher: CredentialCipher,
    private readonly breakers: TenantBreakers,
    private readonly timeoutMs: number,
    /** The tenant's code as identity announced it (X-Tenant-Code on every call, as partner § 3 shows); null: none sent. */
    private readonly tenantCodeOf: (tenantId: number) => Promise<string | null>,
  ) {}

  async call(integration: TenantIntegration, method: 'GET' | 'POST', path: string, body?: unknown): Promise<CoreAnswer> {
    const breaker = this.breakers.of(integration.tenantId);
    if (!breaker.tryAcquire()) {
      throw new CoreCallError('the core system is failing: calls are paused (circuit open)', true, 'circuit_open');
    }
    try {
      const answer = await this.send(integration, method, path, body);
      breaker.succeeded();
      return answer;
    } catch (error) {
      // A refusal of this one request says nothing about the system's health; anything else counts against it.
      if (error instanceof CoreCallError && error.reason === 'refused') breaker.succeeded();
      else breaker.failed();
      throw error;
    }
  }

  private async send(integration: TenantIntegration, method: string, path: string, body?: unknown): Promise<CoreAnswer> {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const auth = await this.authHeaders(integration, raw);
    const tenantCode = await this.tenantCodeOf(integration.tenantId);
    const res = await this.fetch(`${integration.coreBaseUrl}${path}`, {
      method,
      headers: { ...auth, ...(tenantCode ? { 'x-tenant-code': tenantCode } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: raw }),
    });
    const text = await res.text();
    const parsed = parseJson(text);
    const code = typeof parsed === 'object' && parsed !== null ? (parsed as { code?: unknown }).code : undefined;
    const status = typeof code === 'number' && code >= 400 ? code : res.status;
    if (status < 400) return { status, body: parsed };
    const message = `${method} ${path} answered ${status}${messageOf(parsed)}`;
    if (status === 401 && integration.authKind === 'oauth2') this.tokens.delete(tokenKey(integration));
    if (status === 401 || status === 403) throw new CoreCallError(message, true, 'auth_failed', status);
    if (status === 408 || status === 429 || status >= 500) throw new CoreCallError(message, true, 'server_error', status);
    throw new CoreCallError(message, false, 'refused', status);
  }

  private async authHeaders(integration: TenantIntegration, raw: string): Promise<Record<string, string>> {
    const secret = this.cipher.decrypt(integration.secretCiphertext);
    if (integration.authKind === 'hmac') return partnerHeaders({ apiKey: integration.authId, secret }, raw);
    return { authorization: `Bearer ${await this.token(integration, secret)}` };
  }

  private async token(integration: TenantIntegration, secret: string): Promise<string> {
    const key = tokenKey(integration);
    const cached = this.tokens.get(key);
    if (cached) {
      const token = await cached.catch(() => null);
      if (token && token.expiresAt - TOKEN_MARGIN_MS > Date.now()) return token.token;
      if (this.tokens.get(key) !== cached) return this.token(integration, secret);
    }
    const request = this.requestToken(integration, secret);
    this.tokens.set(key, request);
    request.catch(() => {
      if (this.tokens.get(key) === request) this.tokens.delete(key);
    });
    return (await request).token;
  }

  private async requestToken(integration: TenantIntegration, secret: string): Promise<CachedToken> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: integration.authId, client_secret: secret });
    if (integration.scope) form.set('scope', integration.scope);
    const res = await this.fetch(integration.tokenUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const answer = parseJson(await res.text()) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!res.ok || typeof answer?.access_token !== 'string') {
      throw new CoreCallError(`the token endpoint answered ${res.status}`, true, 'auth_failed', res.status);
    }
    const seconds = typeof answer.expires_in === 'number' ? answer.expires_in : 300;
    return { token: answer.access_token, expiresAt: Date.now() + seconds * 1000 };
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' });
    } catch (error) {
      const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : 'connection failed';
      throw new CoreCallError(`${new URL(url).host} unreachable: ${why}`, true, 'unreachable');
    }
  }
}

const tokenKey = (i: TenantIntegration) => `${i.tenantId}|${i.tokenUrl}|${i.authId}`;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text === '' ? null : text.slice(0, 200);
  }
}

function messageOf(body: unknown): string {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? `: ${message.slice(0, 200)}` : '';
}
