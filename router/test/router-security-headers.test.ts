import { HSTS_VALUE } from '@platform/kit';
import { post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

/** One of each kind of response: an answer, a CSRF refusal, a health check, a 404. */
const responses = (router: RunningRouter): Promise<Response>[] => [
  fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ notes { id } }"}' }),
  fetch(`${router.url}?query=${encodeURIComponent('{ notes { id } }')}`),
  fetch(new URL('/health', router.url)),
  fetch(new URL('/no-such-page', router.url)),
];

const preflight = (router: RunningRouter, origin: string) =>
  fetch(router.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });

describe('security headers and CORS on every router response', () => {
  let platform: ToyPlatform;
  let production: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    production = await startRouter(platform, 'local', { production: true });
  });
  afterAll(() => production.close());

  it('sends nosniff, no referrer, a CSP that forbids framing and X-Frame-Options on every response', async () => {
    for (const response of await Promise.all(responses(production))) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      // Helmet's default lets styles and fonts come from any https: host; nothing here needs that.
      expect(csp.split(';').map((d) => d.trim().split(' '))).not.toContainEqual(expect.arrayContaining(['https:']));
    }
  });

  it('sends HSTS only over TLS, as a trusted proxy reports it', async () => {
    const plain = await post(production.url, { query: '{ notes { id } }' }, { 'x-forwarded-proto': 'https' });
    expect(plain.headers.get('strict-transport-security')).toBeNull(); // not a trusted proxy: its word is ignored
    const behindTls = await startRouter(platform, 'local', { production: true, trustedProxies: ['loopback'] });
    try {
      const tls = await post(behindTls.url, { query: '{ notes { id } }' }, { 'x-forwarded-proto': 'https' });
      expect(tls.headers.get('strict-transport-security')).toBe(HSTS_VALUE);
      const http = await post(behindTls.url, { query: '{ notes { id } }' });
      expect(http.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await behindTls.close();
    }
  });

  it('allows no cross-origin browser calls in production by default', async () => {
    const response = await preflight(production, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const { headers } = await post(production.url, { query: '{ notes { id } }' }, { origin: 'https://evil.example' });
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows only pages on this machine in development, not any origin', async () => {
    const development = await startRouter(platform, 'local', { production: false });
    try {
      for (const local of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080']) {
        expect((await preflight(development, local)).headers.get('access-control-allow-origin')).toBe(local);
      }
      for (const foreign of ['https://evil.example', 'http://localhost.evil.example', 'https://studio.apollographql.com']) {
        expect((await preflight(development, foreign)).headers.get('access-control-allow-origin')).toBeNull();
        const { headers } = await post(development.url, { query: '{ notes { id } }' }, { origin: foreign });
        expect(headers.get('access-control-allow-origin')).toBeNull();
      }
    } finally {
      await development.close();
    }
  });

  it('allows exactly the configured origins', async () => {
    const router = await startRouter(platform, 'local', { production: true, corsOrigins: ['https://app.example'] });
    try {
      const allowed = await preflight(router, 'https://app.example');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const { headers } = await post(router.url, { query: '{ notes { id } }' }, { origin: 'https://app.example' });
      expect(headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(headers.get('access-control-expose-headers')).toBe('x-request-id');
      expect((await preflight(router, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await router.close();
    }
  });
});
