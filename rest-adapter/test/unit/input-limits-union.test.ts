import '@platform/collections';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ROUTES, apiSchemaOf } from '../../src';
import { bodyFeeds, limitDisagreements } from '../support/input-limits';

const schema = apiSchemaOf(readFileSync(join(__dirname, '../../../schema/supergraph.graphql'), 'utf8'));
const ROUTE = 'PUT /api/v1/tenants/{tenant_id}/integration';

describe('REST body limits and GraphQL input limits in a union body', () => {
  const feeds = () => bodyFeeds(ALL_ROUTES, schema).filter((f) => f.route === ROUTE);

  it('are traced through every alternative (hmac and OAuth2 outbound auth)', () => {
    expect(feeds().map((f) => f.body)).toEqual(
      expect.arrayContaining(['core_base_url', 'outbound_auth.api_key', 'outbound_auth.api_secret', 'outbound_auth.token_url', 'outbound_auth.client_id', 'outbound_auth.client_secret']),
    );
  });

  it('agree', () => {
    expect(limitDisagreements(feeds())).toEqual([]);
  });
});
