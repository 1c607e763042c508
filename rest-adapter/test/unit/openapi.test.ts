import { z } from 'zod';
import { ALL_ROUTES, buildOpenApi, createAdapter, localRoute, rateLimit, routeKey, type Route } from '../../src';
import { hr004 } from '../../src/families';
import { fakeExecutor } from '../support/fake-executor';
import { silentLogger } from '../support/silent-logger';
import type { UntypedJson } from '@platform/testkit';

async function adapter() {
  return createAdapter({ executor: fakeExecutor(), logger: silentLogger, production: true });
}

describe('OpenAPI document', () => {
  it('describes every route of the tables, once', async () => {
    const { app } = await adapter();
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ALL_ROUTES.map(routeKey).sort());
    expect(new Set(ALL_ROUTES.map(routeKey)).size).toBe(ALL_ROUTES.length);
  });

  it('carries path and query parameters, request bodies from the schemas, and the family envelopes', async () => {
    const { openapi } = await adapter();
    const list = openapi.paths['/api/employees'].get as Record<string, UntypedJson>;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['page', 'page_size', 'search', 'position_id', 'role_id', 'status', 'sort_by', 'sort_order']),
    );
    const pageSize = list.parameters.find((p: { name: string }) => p.name === 'page_size');
    expect(pageSize.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
    const ok = list.responses['200'].content['application/json'].schema;
    expect(ok.required).toEqual(['data', 'message', 'request_id']);
    expect(ok.properties.data.required).toEqual(['items', 'total', 'page', 'page_size', 'pages']);
    expect(list.responses['422'].content['application/json'].schema.required).toEqual(['error']);

    const detail = openapi.paths['/api/employees/{id}'].get as Record<string, UntypedJson>;
    expect(detail.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);

    const login = openapi.paths['/api/v1/admin/auth/login'].post as Record<string, UntypedJson>;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['loginId', 'password']);
    expect(login.responses['400'].content['application/json'].schema.required).toEqual(['code', 'message', 'data']);

    const remove = openapi.paths['/api/employees/{id}'].delete as Record<string, UntypedJson>;
    expect(remove.responses['204']).toEqual({ description: 'No Content' });
  });

  it('every $ref points at a schema in components (recursive trees included)', async () => {
    const { openapi } = await adapter();
    const refs = [...JSON.stringify(openapi).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    const schemas = (openapi.components as { schemas: Record<string, unknown> }).schemas;
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.slice('#/components/schemas/'.length)]).toBeDefined();
    }
    expect(schemas.HrPositionNode).toMatchObject({ properties: { children: { items: { $ref: '#/components/schemas/HrPositionNode' } } } });
  });

  it('serves Swagger UI at /docs from the npm assets', async () => {
    const { app } = await adapter();
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    const bundle = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    const spec = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(spec.json().paths['/api/auth/login']).toBeDefined();
  });
});

describe('pending fields', () => {
  const thing = (pending?: Route['pending']): Route =>
    ({
      ...localRoute({
        method: 'GET',
        path: '/api/things/{id}',
        family: hr004,
        summary: 'a thing',
        rateLimit: rateLimit.none,
        auth: false,
        response: z.object({ id: z.string(), size: z.number().int() }),
        run: async () => ({ body: null }),
      }),
      pending,
    }) as Route;
  const dataOf = (route: Route) =>
    (buildOpenApi([route], { title: 't', version: '1' }).paths['/api/things/{id}'].get.responses as Record<string, UntypedJson>)['200']
      .content['application/json'].schema.properties.data;

  it('a pending field stays documented, is not required, and says what will serve it', () => {
    const data = dataOf(thing({ fields: ['size'], until: 'the sizes subgraph' }));
    expect(data.properties.size).toMatchObject({ type: 'integer', 'x-pending': 'the sizes subgraph' });
    expect(data.properties.size.description).toMatch(/pending the sizes subgraph/);
    expect(data.required).toEqual(['id']);
    expect(dataOf(thing()).required).toEqual(['id', 'size']);
  });

  it('004 employee detail: the work-log figures are served (the worklogs subgraph), so required', () => {
    const doc = buildOpenApi(ALL_ROUTES, { title: 't', version: '1' });
    const data = (doc.paths['/api/employees/{id}'].get.responses as Record<string, UntypedJson>)['200'].content['application/json'].schema
      .properties.data;
    expect(data.properties.work_logs_count).toMatchObject({ type: 'integer' });
    expect(data.properties.work_logs_count['x-pending']).toBeUndefined();
    expect(data.required).toEqual(expect.arrayContaining(['id', 'username', 'last_login', 'work_logs_count', 'avg_self_rating', 'avg_supervisor_rating']));
  });
});
