import type { FastifyInstance } from 'fastify';
import { createTokenSigner, Secret } from '@platform/kit';
import { createAdapter, type AdapterOptions } from '../../src';
import { fakeExecutor, gqlError, type FakeExecutor } from '../support/fake-executor';
import { silentLogger } from '../support/silent-logger';

const TOKENS = { accessToken: 'a.b.c', refreshToken: 'r', tokenType: 'bearer', expiresIn: 7200 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function adapterWith(executor: FakeExecutor, opts: Partial<AdapterOptions> = {}): Promise<FastifyInstance> {
  const adapter = await createAdapter({ executor, logger: silentLogger, production: true, ...opts });
  return adapter.app;
}

describe('request ids', () => {
  it('echoes the client X-Request-ID in the header, the body and the call to the graph', async () => {
    const executor = fakeExecutor({ HrLogin: () => ({ data: { login: TOKENS } }) });
    const app = await adapterWith(executor);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-request-id': 'client-id-1' },
      payload: { username: 'admin', password: 'x' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('client-id-1');
    expect(res.json().request_id).toBe('client-id-1');
    expect(executor.calls[0].headers['x-request-id']).toBe('client-id-1');
  });

  it('makes one up when the client sends none (or an unusable one), on errors too', async () => {
    const app = await adapterWith(fakeExecutor());
    const res = await app.inject({ method: 'GET', url: '/api/nowhere', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.json().error.request_id).toBe(res.headers['x-request-id']);
  });
});

describe('input validation happens before any GraphQL call', () => {
  it('004: a wrong type is 422 VALID_001 naming the field', async () => {
    const executor = fakeExecutor();
    const app = await adapterWith(executor);
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42, password: 'x' } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'VALID_001',
        message: expect.stringContaining('username'),
        details: { field: 'username', reason: 'INVALID' },
        request_id: expect.any(String),
      },
    });
    expect(executor.calls).toHaveLength(0);
  });

  it('004: an out-of-range query value names it', async () => {
    const executor = fakeExecutor();
    const app = await adapterWith(executor);
    const res = await app.inject({ method: 'GET', url: '/api/employees?page_size=500' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.field).toBe('page_size');
    expect(executor.calls).toHaveLength(0);
  });

  it('004: a body that is not JSON is 422 VALID_002', async () => {
    const app = await adapterWith(fakeExecutor());
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALID_002');
  });

  it('002: a missing password is 400 用户名和密码必填', async () => {
    const executor = fakeExecutor();
    const app = await adapterWith(executor);
    const res = await app.inject({ method: 'POST', url: '/api/users/register', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 400, message: '用户名和密码必填' });
    expect(executor.calls).toHaveLength(0);
  });

  it('CCO: a non-integer id is 400 in the CCO body', async () => {
    const executor = fakeExecutor();
    const app = await adapterWith(executor);
    const res = await app.inject({ method: 'GET', url: '/api/v1/tenants/abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 400, message: expect.stringContaining('tenant_id'), data: null });
    expect(executor.calls).toHaveLength(0);
  });
});

describe('graph errors become the family body with the mapped status', () => {
  it.each([
    ['UNAUTHENTICATED', 401, 'AUTH_001'],
    ['FORBIDDEN', 403, 'AUTH_003'],
    ['NOT_FOUND', 404, 'RESOURCE_001'],
    ['CONFLICT', 409, 'RESOURCE_002'],
    ['BUSINESS_RULE', 400, 'BUSINESS_001'],
    ['SOMETHING_UNKNOWN', 500, 'SYSTEM_001'],
  ])('%s → %i %s', async (code, status, hrCode) => {
    const app = await adapterWith(fakeExecutor({ HrEmployees: () => gqlError(code, 'upstream says no') }));
    const res = await app.inject({ method: 'GET', url: '/api/employees' });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(hrCode);
  });

  it('names a field the graph reported in the contract spelling', async () => {
    const executor = fakeExecutor({
      HrUpdateEmployee: () => gqlError('BAD_USER_INPUT', 'too long', { field: 'input.fullName' }),
    });
    const app = await adapterWith(executor);
    const res = await app.inject({ method: 'PUT', url: '/api/employees/7', payload: { full_name: 'x' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual({ field: 'full_name' });
  });

  it('a null entity is 404', async () => {
    const app = await adapterWith(fakeExecutor({ HrEmployee: () => ({ data: { user: null } }) }));
    const res = await app.inject({ method: 'GET', url: '/api/employees/9' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('RESOURCE_001');
  });

  it('a graph that cannot be reached is 503 SYSTEM_002', async () => {
    const executor = fakeExecutor({
      HrEmployees: () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    const app = await adapterWith(executor);
    const res = await app.inject({ method: 'GET', url: '/api/employees' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('SYSTEM_002');
  });

  it('internal messages do not leak', async () => {
    const app = await adapterWith(fakeExecutor({ HrEmployees: () => gqlError('INTERNAL', 'SQLITE_ERROR near SELECT') }));
    const res = await app.inject({ method: 'GET', url: '/api/employees' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('SQLITE');
  });

  it('002 tells a missing token from a bad one', async () => {
    const app = await adapterWith(fakeExecutor({ LeadsUsers: () => gqlError('UNAUTHENTICATED') }));
    const none = await app.inject({ method: 'GET', url: '/api/users' });
    const bad = await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: 'Bearer nope' } });
    expect(none.json()).toEqual({ code: 401, message: '未携带有效token' });
    expect(bad.json()).toEqual({ code: 401, message: 'token无效或已过期' });
  });
});

describe('unknown paths answer in the family of their prefix', () => {
  it.each([
    ['/api/unknown', { error: expect.objectContaining({ code: 'RESOURCE_001' }) }],
    ['/api/v1/unknown', { code: 404, message: '资源不存在', data: null }],
    ['/api/v1/crm/unknown', { code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) }],
    ['/api/leads/1/unknown', { success: false, message: '资源不存在', performance: { totalTime: expect.any(String) } }],
  ])('%s', async (url, body) => {
    const app = await adapterWith(fakeExecutor());
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(body);
  });
});

describe('rate limits (004 限流说明)', () => {
  it('login is limited where it runs: the adapter counts no attempt and answers the graph\'s RATE_LIMITED as 429 with Retry-After', async () => {
    let blocked = false;
    const app = await adapterWith(
      fakeExecutor({ HrLogin: () => (blocked ? gqlError('RATE_LIMITED', 'Too many requests', { retryAfterSeconds: 42 }) : gqlError('INVALID_CREDENTIALS')) }),
    );
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong' } });
    // More than 004's 5 a minute: counting them is identity's job (REST and GraphQL together), not a second count here.
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    blocked = true;
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('42');
    expect(limited.json()).toEqual({
      error: { code: 'RATE_001', message: expect.any(String), details: { retryAfterSeconds: 42 }, request_id: expect.any(String) },
    });
  });

  it('normal: counted per verified user, whichever of their tokens they send', async () => {
    const signer = createTokenSigner(new Secret('a-test-secret-of-at-least-32-characters!'));
    const token = (userId: string, sessionId: string) =>
      signer.signAccess({ userId, username: userId, tenantId: '1', roles: [], permissions: [], scope: 'own', sessionId }, 60);
    const page = { items: [], total: 0, page: 1, pageSize: 20, pages: 0 };
    const app = await adapterWith(fakeExecutor({ HrEmployees: () => ({ data: { users: page } }) }), {
      rateLimiter: { tokens: signer, limits: { normal: { points: 2, durationSeconds: 60 } } },
    });
    const get = (t: string) => app.inject({ method: 'GET', url: '/api/employees', headers: { authorization: `Bearer ${t}` } });
    expect((await get(token('1', 'a'))).statusCode).toBe(200);
    expect((await get(token('1', 'b'))).statusCode).toBe(200);
    expect((await get(token('1', 'c'))).statusCode).toBe(429);
    expect((await get(token('2', 'd'))).statusCode).toBe(200);
  });
});

describe('lists the document shows whole', () => {
  it('reads every page and builds the position tree from parentId', async () => {
    const position = (id: string, parentId: string | null) => ({
      id,
      name: `P${id}`,
      code: `p${id}`,
      level: 1,
      parentId,
      employeeCount: 0,
      childrenCount: 0,
      parent: null,
    });
    const pages = [
      [position('1', null), position('2', '1')],
      [position('3', '2'), position('4', null)],
    ];
    const executor = fakeExecutor({
      HrPositions: (vars) => {
        const n = vars.page as number;
        return { data: { positions: { items: pages[n - 1], total: 4, page: n, pageSize: 2, pages: 2 } } };
      },
    });
    const app = await adapterWith(executor);
    const res = await app.inject({ method: 'GET', url: '/api/positions?tree=true' });
    expect(res.statusCode).toBe(200);
    expect(executor.calls.map((c) => c.variables?.page)).toEqual([1, 2]);
    const ids = (nodes: Array<{ id: string; children: unknown[] }>): unknown =>
      nodes.map((n) => [n.id, ids(n.children as never)]);
    expect(ids(res.json().data)).toEqual([
      ['1', [['2', [['3', []]]]]],
      ['4', []],
    ]);
  });
});

describe('health', () => {
  it('004 /api/health is 503 when an injected check fails, with the documented keys', async () => {
    const app = await adapterWith(fakeExecutor(), {
      healthChecks: async () => ({ database: 'unhealthy', redis: 'healthy' }),
    });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'unhealthy',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      version: expect.any(String),
      checks: { database: 'unhealthy', redis: 'healthy', router: 'healthy' },
      uptime: expect.any(Number),
    });
  });

  it('GET /health is {status:"ok"}', async () => {
    const app = await adapterWith(fakeExecutor());
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
