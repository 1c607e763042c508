import type { FastifyInstance, InjectOptions } from 'fastify';
import { ALL_ROUTES, routeKey } from '../../src';
import { assertPayloadsDocumented } from './payload-check';

export const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
export const CCO_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
export const JSON_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
export const DIGITS = /^\d+$/;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Calls the adapter; `token` adds the bearer header. */
export async function call(app: FastifyInstance, method: InjectOptions['method'], url: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await app.inject({
    method,
    url,
    headers: { ...(opts.token ? bearer(opts.token) : {}), ...opts.headers },
    ...(opts.body !== undefined ? { payload: opts.body as never } : {}),
  });
  assertPayloadsDocumented();
  return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
}

/** Signs in through the 004 login route and answers the access token. */
export async function hrToken(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await call(app, 'POST', '/api/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.access_token;
}

/** Signs in through the CCO admin login route and answers the token. */
export async function ccoAdminToken(app: FastifyInstance, loginId: string, password: string): Promise<string> {
  return (await call(app, 'POST', '/api/v1/admin/auth/login', { body: { loginId, password } })).body.data.token;
}

/** A signed-in account with role `user` and no admin permission (002 anonymous registration). */
export async function plainUserToken(app: FastifyInstance, username = 'plain_user'): Promise<string> {
  const reg = await call(app, 'POST', '/api/users/register', { body: { username, password: 'secret1' } });
  if (reg.status !== 200) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  return hrToken(app, username, 'secret1');
}

/** The 004 error body for a code. */
export const hrError = (code: string, details: Record<string, unknown> = expect.any(Object)) => ({
  error: { code, message: expect.any(String), details, request_id: expect.any(String) },
});

/** The 004 success envelope around `data`. */
export const hrOk = (data: unknown) => ({ data, message: expect.any(String), request_id: expect.any(String) });

/**
 * The documented `data` of a route (`"GET /api/employees/{id}"`) as served today: without the fields the route
 * declares pending, so a test states the whole documented answer and the route alone says what is missing.
 */
export function served<T extends Record<string, unknown>>(key: string, documented: T): Partial<T> {
  const route = ALL_ROUTES.find((r) => routeKey(r) === key);
  if (!route) throw new Error(`no route ${key}`);
  const pending = new Set<string>(route.pending?.fields ?? []);
  return Object.fromEntries(Object.entries(documented).filter(([field]) => !pending.has(field))) as Partial<T>;
}
