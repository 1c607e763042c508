import '@platform/identity';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ALL_ROUTES, apiSchemaOf, graphqlRoute, rateLimit } from '../../src';
import { ccoAdmin } from '../../src/families';
import { CcoCreateTenantDocument } from '../../src/families/cco-admin/operations.generated';
import { bodyFeeds, graphqlLimits, limitDisagreements } from '../support/input-limits';

const schema = apiSchemaOf(readFileSync(join(__dirname, '../../../schema/supergraph.graphql'), 'utf8'));

describe('REST body limits and GraphQL input limits', () => {
  it('agree for every body field that feeds a GraphQL input field', () => {
    expect(limitDisagreements(bodyFeeds(ALL_ROUTES, schema))).toEqual([]);
  });

  it('are found: the GraphQL side through type-graphql and class-validator metadata', () => {
    expect(graphqlLimits('TenantInput', 'name')).toEqual({ minLength: 1, maxLength: 128 });
    expect(graphqlLimits('NoSuchInput', 'name')).toBeUndefined();
  });

  it('are found: each body field is traced to the input field it feeds', () => {
    const feeds = bodyFeeds(ALL_ROUTES, schema).filter((f) => f.route === 'POST /api/v1/tenants');
    expect(feeds).toContainEqual({
      route: 'POST /api/v1/tenants',
      body: 'tenant_name',
      input: 'TenantInput.name',
      rest: { minLength: 1, maxLength: 128 },
      graphql: { minLength: 1, maxLength: 128 },
    });
  });

  it('a disagreement fails (tenant_name max 100 in REST, 128 in GraphQL)', () => {
    const route = graphqlRoute({
      method: 'POST',
      path: '/api/v1/tenants',
      family: ccoAdmin,
      summary: 'a route with the old limit',
      rateLimit: rateLimit.none,
      auth: true,
      body: z.object({ tenant_code: z.string().min(2).max(32), tenant_name: z.string().min(1).max(100) }),
      operation: CcoCreateTenantDocument,
      variables: ({ body }) => ({ input: { code: body.tenant_code, name: body.tenant_name } }),
      map: () => undefined,
    });
    expect(limitDisagreements(bodyFeeds([route], schema))).toEqual([
      'POST /api/v1/tenants tenant_name → TenantInput.name: maxLength 100 in REST, 128 in GraphQL',
    ]);
  });
});
