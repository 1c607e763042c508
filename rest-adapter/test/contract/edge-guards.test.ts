import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ConfigError, createTokenSigner, RATE_LIMIT_DEFAULTS, Secret } from '@platform/kit';
import { startPlatform } from '@platform/scripts';
import { PLATFORM_START_MS } from '@platform/testkit';
import { z } from 'zod';
import { createAdapter, loadAdapterConfig, localRoute, rateLimit, type AdapterOptions } from '../../src';
import { hr004 } from '../../src/families';
import { call, hrError, hrToken } from '../support/contract';
import { fakeExecutor, gqlError } from '../support/fake-executor';
import { useTestPlatform } from '../support/platform';
import { silentLogger } from '../support/silent-logger';

jest.setTimeout(60_000);

const EMPTY_PAGE = { items: [], total: 0, page: 1, pageSize: 20, pages: 0 };

async function fakeAdapter(opts: Partial<AdapterOptions> = {}, executor = fakeExecutor({ HrEmployees: () => ({ data: { users: EMPTY_PAGE } }) })) {
  const adapter = await createAdapter({ executor, logger: silentLogger, production: true, ...opts });
  return { app: adapter.app, executor };
}

const inject = (app: FastifyInstance, opts: InjectOptions) => app.inject(opts);

describe('a NUL byte is a 500: control characters are invalid input, in the family error naming the field', () => {
  const platform = useTestPlatform();

  it('login and register without a token answer 4xx naming the field, not 500', async () => {
    const hr = await call(platform.app, 'POST', '/api/auth/login', { body: { username: 'ad\u0000min', password: 'x' } });
    expect(hr.status).toBe(422);
    expect(hr.body).toEqual(hrError('VALID_001', expect.objectContaining({ field: 'username' })));

    const cco = await call(platform.app, 'POST', '/api/v1/admin/auth/login', { body: { loginId: 'a\u0000', password: 'x' } });
    expect(cco).toMatchObject({ status: 400, body: { code: 400, message: expect.stringContaining('loginId'), data: null } });

    const reg = await call(platform.app, 'POST', '/api/users/register', { body: { username: 'nul_user', password: 'secret1', nickname: 'x\u0000' } });
    expect(reg).toMatchObject({ status: 400, body: { code: 400, message: expect.stringContaining('nickname') } });
    expect((await call(platform.app, 'POST', '/api/users/login', { body: { username: 'nul_user', password: 'secret1' } })).status).toBe(401);
  });

  it('in the path and the query too; other control characters and lone surrogates as well', async () => {
    const admin = await hrToken(platform.app, 'admin', 'Admin123456');
    const path = await call(platform.app, 'GET', '/api/employees/1%00', { token: admin });
    expect(path).toMatchObject({ status: 422, body: hrError('VALID_001', expect.objectContaining({ field: 'id' })) });
    const query = await call(platform.app, 'GET', '/api/roles?search=%1B%5B31m', { token: admin });
    expect(query).toMatchObject({ status: 422, body: hrError('VALID_001', expect.objectContaining({ field: 'search' })) });
    const surrogate = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"\\ud800admin","password":"x"}',
    });
    expect(surrogate.statusCode).toBe(422);
    expect(surrogate.json().error.details.field).toBe('username');
  });

  it('in nested body fields and keys of any route, which inherits the check', async () => {
    const route = localRoute({
      method: 'POST',
      path: '/api/probe',
      family: hr004,
      summary: 'probe',
      auth: false,
      rateLimit: rateLimit.none,
      body: z.object({ items: z.array(z.object({ name: z.string() })), extra: z.record(z.string(), z.number()).optional() }),
      run: async () => ({ body: 'ran' }),
    });
    const { app } = await fakeAdapter({ routes: [route] });
    const post = (payload: unknown) => inject(app, { method: 'POST', url: '/api/probe', payload: payload as never });
    const nested = await post({ items: [{ name: 'ok' }, { name: 'bad\u0001' }] });
    expect(nested.statusCode).toBe(422);
    expect(nested.json().error.details).toEqual({ field: 'items.1.name', reason: 'CONTROL_CHARACTER' });
    const key = await post({ items: [], extra: { 'k\u0000': 1 } });
    expect(key.statusCode).toBe(422);
    expect(key.json().error.details.field).toBe('extra');
    expect((await post({ items: [{ name: 'fine\ttext\n' }] })).statusCode).toBe(200);
  });

  it('tab, CR and LF stay valid text', async () => {
    const reg = await call(platform.app, 'POST', '/api/users/register', { body: { username: 'tab_user', password: 'secret1', nickname: 'a\tb\r\nc' } });
    expect(reg.status).toBe(200);
  });

  it('100,000 characters are invalid input naming the field, not a database error', async () => {
    const res = await call(platform.app, 'POST', '/api/auth/login', { body: { username: 'a'.repeat(100_000), password: 'x' } });
    expect(res).toMatchObject({ status: 422, body: hrError('VALID_001', expect.objectContaining({ field: 'username' })) });
  });
});

describe('no database error text reaches a REST client', () => {
  it.each([
    ['INTERNAL', 'SQLITE_ERROR: unrecognized token: "\'abc"'],
    ['ER_DATA_TOO_LONG', "Data too long for column 'full_name' at row 1"],
    ['UNAVAILABLE', 'connect ECONNREFUSED 10.0.0.5:3306'],
  ])('an upstream %s error is answered in generic words', async (code, text) => {
    const { app } = await fakeAdapter({}, fakeExecutor({ HrEmployees: () => gqlError(code, text, { field: 'x' }) }));
    const res = await inject(app, { method: 'GET', url: '/api/employees' });
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(res.body).not.toContain(text.slice(0, 12));
    expect(res.json().error.details).toEqual({});
  });
});

describe('the REST limit counts per token, and tokens can be minted freely', () => {
  const platform = useTestPlatform();
  const signer = createTokenSigner(new Secret('development-only-jwt-secret-change-me-0123456789'));
  const limited = (limits: AdapterOptions['rateLimiter']) =>
    createAdapter({ executor: platform.platform.router.executor, logger: silentLogger, production: false, rateLimiter: { tokens: signer, ...limits } });

  it('every token of one user draws on one budget; another user has their own', async () => {
    const adapter = await limited({ limits: { normal: { points: 3, durationSeconds: 60 } } });
    try {
      const [t1, t2, t3] = [await hrToken(platform.app, 'admin', 'Admin123456'), await hrToken(platform.app, 'admin', 'Admin123456'), await hrToken(platform.app, 'admin', 'Admin123456')];
      expect(new Set([t1, t2, t3]).size).toBe(3);
      for (const token of [t1, t2, t3]) expect((await call(adapter.app, 'GET', '/api/roles', { token })).status).toBe(200);
      const fourth = await call(adapter.app, 'GET', '/api/roles', { token: await hrToken(platform.app, 'admin', 'Admin123456') });
      expect(fourth).toMatchObject({ status: 429, body: hrError('RATE_001') });
      const other = await hrToken(platform.app, 'tenantadmin', 'admin123');
      expect((await call(adapter.app, 'GET', '/api/roles', { token: other })).status).not.toBe(429);
    } finally {
      await adapter.close();
    }
  });

  it('a forged token gets no fresh budget: it counts against the client address', async () => {
    const adapter = await limited({ limits: { normal: { points: 2, durationSeconds: 60 } } });
    try {
      const forger = createTokenSigner(new Secret(randomBytes(32).toString('hex')));
      const forged = (n: number) =>
        forger.signAccess({ userId: String(1000 + n), username: 'x', tenantId: null, roles: [], permissions: ['*'], scope: 'platform', sessionId: `s${n}` }, 60);
      expect((await call(adapter.app, 'GET', '/api/info', { token: forged(1) })).status).toBe(200);
      expect((await call(adapter.app, 'GET', '/api/info')).status).toBe(200);
      expect((await call(adapter.app, 'GET', '/api/info', { token: forged(2) })).status).toBe(429);
    } finally {
      await adapter.close();
    }
  });
});

describe('GraphQL login has no rate limit: a login id blocked on REST still worked through GraphQL', () => {
  const platform = useTestPlatform();
  const graphqlLogin = (password: string) =>
    platform.platform.router.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', variables: { input: { login: 'admin', password } } },
    });

  it('the 6th wrong password on the 004 login is 429 with Retry-After, and the login id is then refused through GraphQL too', async () => {
    const attempt = (password: string) => call(platform.app, 'POST', '/api/auth/login', { body: { username: 'admin', password } });
    for (let i = 0; i < 5; i++) expect(await attempt('wrong')).toMatchObject({ status: 401, body: hrError('AUTH_002') });
    const sixth = await platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong' } });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toEqual(hrError('RATE_001', { retryAfterSeconds: expect.any(Number) }));
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBe(sixth.json().error.details.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // One count for both ways in: the right password through GraphQL is refused as well.
    const viaGraphQL = await graphqlLogin('Admin123456');
    expect(viaGraphQL.json().errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(viaGraphQL.json().data?.login ?? null).toBeNull();
    expect((await attempt('Admin123456')).status).toBe(429);
  });
});

describe('operators set each limit class from the environment (RATE_LIMITS)', () => {
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  beforeAll(async () => {
    platform = await startPlatform({
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', RATE_LIMITS: 'login:2/60,register:2/3600', RATE_LIMIT_PREFIX: `env-${randomBytes(4).toString('hex')}` },
      logger: silentLogger,
    });
  }, PLATFORM_START_MS);
  afterAll(() => platform?.close());

  it('the platform started with RATE_LIMITS=login:2/60 refuses the third login attempt', async () => {
    const attempt = () => call(platform.adapter.app, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'wrong' } });
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
  });

  it('registration is limited per client address (register:2/3600)', async () => {
    const register = (username: string, remoteAddress: string) =>
      platform.adapter.app.inject({ method: 'POST', url: '/api/users/register', remoteAddress, payload: { username, password: 'secret1' } });
    expect((await register('reg_a1', '198.51.100.7')).statusCode).toBe(200);
    expect((await register('reg_a2', '198.51.100.7')).statusCode).toBe(200);
    const third = await register('reg_a3', '198.51.100.7');
    expect(third.statusCode).toBe(429);
    expect(third.json()).toEqual({ code: 429, message: expect.any(String) });
    expect(third.headers['retry-after']).toMatch(/^\d+$/);
    expect((await register('reg_b1', '198.51.100.8')).statusCode).toBe(200);
    expect((await call(platform.adapter.app, 'POST', '/api/users/login', { body: { username: 'reg_a3', password: 'secret1' } })).status).toBe(401);
  });

  it('validates the settings, naming the variable and the entry', () => {
    const config = loadAdapterConfig({ RATE_LIMITS: 'login:3/10, export:1/3600', TRUSTED_PROXIES: '10.0.0.0/8,::1,loopback', CORS_ORIGINS: 'https://app.example.com' });
    expect(config.RATE_LIMITS).toEqual({ ...RATE_LIMIT_DEFAULTS, login: { points: 3, durationSeconds: 10 }, export: { points: 1, durationSeconds: 3600 } });
    expect(config.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(config.CORS_ORIGINS).toEqual(['https://app.example.com']);
    for (const [name, value] of [
      ['RATE_LIMITS', 'login:0/60'],
      ['RATE_LIMITS', 'bogus:1/60'],
      ['RATE_LIMITS', 'login=5'],
      ['RATE_LIMITS', 'normal:100/60,upload:10'],
      ['TRUSTED_PROXIES', '*'],
      ['TRUSTED_PROXIES', '10.0.0.0/33'],
      ['CORS_ORIGINS', 'https://app.example.com/path'],
      ['CORS_ORIGINS', '*'],
    ]) {
      expect(() => loadAdapterConfig({ [name]: value })).toThrow(ConfigError);
      expect(() => loadAdapterConfig({ [name]: value })).toThrow(name);
      expect(() => loadAdapterConfig({ [name]: value })).toThrow(value.split(',').pop());
    }
  });
});

describe('X-Forwarded-For is believed from anyone', () => {
  const spoofed = { 'x-forwarded-for': '203.0.113.66' };

  it('without trusted proxies the router is told the peer address, never the header', async () => {
    const { app, executor } = await fakeAdapter();
    await inject(app, { method: 'GET', url: '/api/employees', remoteAddress: '192.0.2.10', headers: spoofed });
    expect(executor.calls[0].headers['x-forwarded-for']).toBe('192.0.2.10');
  });

  it('without trusted proxies a new X-Forwarded-For buys no fresh budget', async () => {
    const { app } = await fakeAdapter({ rateLimiter: { limits: { normal: { points: 2, durationSeconds: 60 } } } });
    const get = (n: number) => inject(app, { method: 'GET', url: '/api/info', headers: { 'x-forwarded-for': `203.0.113.${n}` } });
    expect((await get(1)).statusCode).toBe(200);
    expect((await get(2)).statusCode).toBe(200);
    expect((await get(3)).statusCode).toBe(429);
  });

  it('behind a trusted proxy the client is the address the proxy saw, for the router and for the limits', async () => {
    const { app, executor } = await fakeAdapter({
      trustedProxies: ['10.0.0.0/8'],
      rateLimiter: { limits: { normal: { points: 1, durationSeconds: 60 } } },
    });
    const viaProxy = (xff: string) => inject(app, { method: 'GET', url: '/api/employees', remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': xff } });
    // The client may put anything in front; the last address not of a trusted proxy is the client.
    expect((await viaProxy('198.51.100.1, 203.0.113.66')).statusCode).toBe(200);
    expect(executor.calls[0].headers['x-forwarded-for']).toBe('203.0.113.66');
    expect((await viaProxy('198.51.100.2, 203.0.113.66')).statusCode).toBe(429);
    expect((await viaProxy('203.0.113.67')).statusCode).toBe(200);
    // A peer that is not a trusted proxy is the client itself.
    await inject(app, { method: 'GET', url: '/api/employees', remoteAddress: '192.0.2.10', headers: spoofed });
    expect(executor.calls.at(-1)!.headers['x-forwarded-for']).toBe('192.0.2.10');
  });
});

describe('no security headers', () => {
  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
  };

  it('every response carries them: docs, OpenAPI, success, invalid input, not found, rate limited', async () => {
    const { app } = await fakeAdapter({ rateLimiter: { limits: { normal: { points: 1, durationSeconds: 60 } } } });
    const responses = [
      await inject(app, { method: 'GET', url: '/docs/' }),
      await inject(app, { method: 'GET', url: '/openapi.json' }),
      await inject(app, { method: 'GET', url: '/health' }),
      await inject(app, { method: 'GET', url: '/api/info' }),
      await inject(app, { method: 'GET', url: '/api/info' }),
      await inject(app, { method: 'POST', url: '/api/auth/login', payload: { username: 1 } }),
      await inject(app, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
      await inject(app, { method: 'GET', url: '/nowhere' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 429, 422, 422, 404]);
    for (const res of responses) expectSecurityHeaders(res.headers);
    expect(responses[0].body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('Swagger UI at /docs loads every asset under the CSP: scripts and styles from this origin, none inline', async () => {
    const { app } = await fakeAdapter();
    const page = await inject(app, { method: 'GET', url: '/docs/' });
    const csp = Object.fromEntries(
      String(page.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(csp['script-src']).toContain("'self'");
    expect(csp['style-src']).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"])); // the UI sets style attributes
    expect(csp['img-src']).toContain('data:'); // the logo
    expect(csp['style-src']).not.toContain('https:');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const base = 'http://adapter.test/docs/';
    const assets = [...page.body.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], base));
    // The page's scripts and stylesheets, and the document the initializer fetches (connect-src falls back to 'self').
    assets.push(new URL('./json', base));
    expect(assets.length).toBeGreaterThanOrEqual(6);
    for (const asset of assets) {
      expect(asset.origin).toBe('http://adapter.test');
      const res = await inject(app, { method: 'GET', url: asset.pathname });
      expect({ asset: asset.pathname, status: res.statusCode }).toEqual({ asset: asset.pathname, status: 200 });
      expectSecurityHeaders(res.headers);
    }
    const initializer = await inject(app, { method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.body).toContain("resolveUrl('./json')");
  });

  it('HSTS only over TLS, as told by a trusted proxy', async () => {
    const { app } = await fakeAdapter({ trustedProxies: ['10.0.0.1'] });
    const tls = { 'x-forwarded-proto': 'https' };
    expect((await inject(app, { method: 'GET', url: '/health' })).headers['strict-transport-security']).toBeUndefined();
    expect((await inject(app, { method: 'GET', url: '/health', remoteAddress: '192.0.2.1', headers: tls })).headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await inject(app, { method: 'GET', url: '/health', remoteAddress: '10.0.0.1', headers: tls });
    expect(viaProxy.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('CORS: no origin is allowed by default in production; configured origins only', async () => {
    const preflight = (app: FastifyInstance, origin: string) =>
      inject(app, {
        method: 'OPTIONS',
        url: '/api/employees',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const closed = (await fakeAdapter()).app;
    expect((await preflight(closed, 'https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await inject(closed, { method: 'GET', url: '/api/info', headers: { origin: 'https://evil.example' } })).headers['access-control-allow-origin']).toBeUndefined();

    const open = (await fakeAdapter({ corsOrigins: ['https://app.example.com'] })).app;
    const allowed = await preflight(open, 'https://app.example.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(String(allowed.headers['access-control-allow-headers'])).toContain('authorization');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    expect((await preflight(open, 'https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    const get = await inject(open, { method: 'GET', url: '/api/info', headers: { origin: 'https://app.example.com' } });
    expect(get.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expectSecurityHeaders(get.headers);
  });

  it('CORS in development: local pages only', async () => {
    const { app } = await fakeAdapter({ production: false });
    const get = (origin: string) => inject(app, { method: 'GET', url: '/api/info', headers: { origin } });
    expect((await get('http://localhost:5173')).headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect((await get('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });
});
