import { ALL_ROUTES, routeKey, type Route } from '../../src';
import { call, hrToken, plainUserToken } from '../support/contract';
import { fitsShape } from '../support/json-shape';
import { useTestPlatform } from '../support/platform';
import { probesFor, probeUrl, type Probe } from '../support/route-probes';

jest.setTimeout(60_000);

// Hundreds of requests from one address: the limits themselves are tested in edge-guards.test.ts.
const many = { points: 1_000_000, durationSeconds: 60 };
const platform = useTestPlatform({
  rateLimiter: { limits: { normal: many, upload: many, export: many } },
});

/** What bad input must not change, read through GraphQL as the platform admin. */
const SNAPSHOT = `{
  tenants(pageSize: 100) { total items { id updatedAt isActive } }
  users(pageSize: 100) { total items { id updatedAt status } }
  roles(pageSize: 100) { total items { id updatedAt } }
  positions(pageSize: 100) { total items { id updatedAt } }
  menus { id updatedAt }
}`;

async function snapshot(token: string) {
  const result = await platform.platform.router.executor.execute({ query: SNAPSHOT, headers: { authorization: `Bearer ${token}` } });
  expect(result.errors).toBeUndefined();
  return JSON.stringify(result.data);
}

async function send(route: Route, probe: Probe, token: string) {
  const res = await platform.app.inject({
    method: route.method,
    url: probeUrl(route, probe),
    headers: { authorization: `Bearer ${token}`, ...(probe.rawBody !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(probe.rawBody !== undefined ? { payload: probe.rawBody } : probe.body !== undefined ? { payload: probe.body as never } : {}),
  });
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body };
}

/** Why an answer breaks the rules, or undefined when it keeps them. */
function problem(route: Route, probe: Probe, res: { status: number; body: unknown }): string | undefined {
  if (res.status >= 500) return `answered ${res.status}`;
  if (res.status < 400) return undefined;
  if (!fitsShape(res.body, route.family.errorSchema)) return `error body not in the ${route.family.id} envelope`;
  const worded = route.errorMessages?.BAD_USER_INPUT !== undefined;
  if (res.status === route.family.invalidInputStatus && !worded && !namesField(res.body, probe.field)) {
    return `the error does not name ${probe.field}`;
  }
  return undefined;
}

/** 004 names the field in `details.field`; the other families in their message. */
function namesField(body: unknown, field: string): boolean {
  const named = (body as { error?: { details?: { field?: unknown } } }).error?.details?.field;
  if (typeof named === 'string') return named === field || named.startsWith(`${field}.`);
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' && new RegExp(`\\b${field}\\b`).test(message);
}

describe('bad input on every REST route', () => {
  it('malformed JSON, wrong types, missing fields, huge and control-character text, odd numbers and ids: no 5xx, the family error naming the field, nothing changed', async () => {
    const admin = await hrToken(platform.app, 'admin', 'Admin123456');
    const superadmin = (await call(platform.app, 'POST', '/api/v1/admin/auth/login', { body: { loginId: 'superadmin', password: '123456' } })).body.data.token as string;
    await plainUserToken(platform.app, 'probe_user');
    // A session of its own for every write route (a probe of a sign-out route may end one), signed in before
    // the snapshot since signing in records the time.
    const writers = ALL_ROUTES.filter((r) => r.method !== 'GET');
    const userTokens = new Map<Route, string>();
    for (const route of writers) userTokens.set(route, await hrToken(platform.app, 'probe_user', 'secret1'));
    const before = await snapshot(superadmin);

    const problems: string[] = [];
    let sent = 0;
    for (const route of ALL_ROUTES) {
      // Reads run as an admin, so the graph itself meets the odd values; writes as a user without permissions,
      // so a probe the adapter lets through is refused there rather than changing data.
      const token = userTokens.get(route) ?? admin;
      for (const probe of probesFor(route)) {
        const res = await send(route, probe, token);
        sent++;
        const why = problem(route, probe, res);
        if (why) problems.push(`${routeKey(route)} [${probe.what}] ${why}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }

    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(ALL_ROUTES.length * 5);
    expect(await snapshot(superadmin)).toBe(before);
  }, 120_000);
});
