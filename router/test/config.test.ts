import { loadRouterConfig } from '../src';

describe('loadRouterConfig', () => {
  it('has working defaults for development', () => {
    const config = loadRouterConfig({});
    expect(config).toMatchObject({ PORT: 4000, SUPERGRAPH_PATH: 'schema/supergraph.graphql', SUBGRAPH_URLS: {} });
  });

  it('reads SUBGRAPH_URLS as name=url pairs', () => {
    const config = loadRouterConfig({
      SUBGRAPH_URLS: 'identity=http://identity:4001/graphql, activity=http://activity:4002/graphql',
    });
    expect(config.SUBGRAPH_URLS).toEqual({
      identity: 'http://identity:4001/graphql',
      activity: 'http://activity:4002/graphql',
    });
  });

  it('names a malformed SUBGRAPH_URLS entry', () => {
    expect(() => loadRouterConfig({ SUBGRAPH_URLS: 'identity' })).toThrow(/SUBGRAPH_URLS: "identity" is not name=/);
  });

  it('refuses production without a JWT secret or Redis', () => {
    expect(() => loadRouterConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production[\s\S]*REDIS_URL/);
  });
});
