import { ALL_ROUTES, routeKey } from '../../src';
import { hr004 } from '../../src/families';
import { useTestPlatform } from '../support/platform';
import { call, hrError, hrToken } from '../support/contract';

const platform = useTestPlatform();
let admin: string;

beforeAll(async () => {
  admin = await hrToken(platform.app, 'admin', 'Admin123456');
});

// The 004 document writes its ids as UUIDs; the platform's are integers. A client sending an id of the
// document's form (or any id naming nothing) asks for a resource that does not exist: 404, not 422.
const UUID = '550e8400-e29b-41d4-a716-446655440000';

/** A valid body for the routes that need one, so that only the id can be what is wrong. */
const BODIES: Record<string, unknown> = {
  'POST /api/employees/{id}/reset-password': { new_password: 'NewPassword123' },
  'POST /api/positions/{id}/move': { new_parent_id: null },
  'POST /api/worklogs/{id}/rate': { supervisor_rating: 5 },
};

const withPathIds = ALL_ROUTES.filter((route) => route.family === hr004 && route.path.includes('{'));

it('every 004 route with a path id is served (the list below is not empty)', () => {
  expect(withPathIds.map(routeKey)).toContain('GET /api/employees/{id}');
});

describe.each(withPathIds.map((route) => [routeKey(route), route] as const))('%s', (_key, route) => {
  it.each([UUID, '999999', 'not-an-id'])('with the id %s is 404 RESOURCE_001', async (id) => {
    const url = route.path.replace(/\{\w+\}/g, id);
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : (BODIES[routeKey(route)] ?? {});
    const res = await call(platform.app, route.method, url, { token: admin, body });
    expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: hrError('RESOURCE_001') });
  });
});
