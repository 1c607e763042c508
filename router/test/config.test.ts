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

  it('trusts no proxy, sets no CORS origins and enforces no document list unless told', () => {
    const config = loadRouterConfig({});
    expect(config).toMatchObject({ TRUSTED_PROXIES: [], TRUSTED_DOCUMENTS: 'off', TRUSTED_DOCUMENTS_EXEMPT_ADMINS: false });
    expect(config.CORS_ORIGINS).toBeUndefined();
  });

  it('reads the edge settings as lists', () => {
    const config = loadRouterConfig({
      TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16, loopback',
      CORS_ORIGINS: 'https://app.example, https://admin.example',
      TRUSTED_DOCUMENTS: 'enforce',
      TRUSTED_DOCUMENTS_EXEMPT_ADMINS: 'true',
    });
    expect(config).toMatchObject({
      TRUSTED_PROXIES: ['10.0.0.5', '10.1.0.0/16', 'loopback'],
      CORS_ORIGINS: ['https://app.example', 'https://admin.example'],
      TRUSTED_DOCUMENTS: 'enforce',
      TRUSTED_DOCUMENTS_EXEMPT_ADMINS: true,
    });
  });

  it('names a TRUSTED_PROXIES entry that is not an address or range', () => {
    expect(() => loadRouterConfig({ TRUSTED_PROXIES: '10.0.0.5, proxy.example' })).toThrow(/TRUSTED_PROXIES: "proxy.example" is not/);
    expect(() => loadRouterConfig({ TRUSTED_DOCUMENTS: 'yes' })).toThrow(/TRUSTED_DOCUMENTS/);
  });

  it('names a TRUSTED_PROXIES entry in a form proxy-addr reads but nobody means (a bare number, hex, a range past /32)', () => {
    for (const entry of ['3232235777', '0x7f.1', '10.0.0.0/33', '*']) {
      expect(() => loadRouterConfig({ TRUSTED_PROXIES: `loopback, ${entry}` })).toThrow(`TRUSTED_PROXIES: "${entry}" is not`);
    }
  });

  it('names a CORS_ORIGINS entry that is not an exact origin: a wildcard, a path, no scheme', () => {
    for (const entry of ['*', 'https://app.example/', 'https://app.example/app', 'app.example']) {
      expect(() => loadRouterConfig({ CORS_ORIGINS: `https://ok.example, ${entry}` })).toThrow(`CORS_ORIGINS: "${entry}" is not an origin`);
    }
  });

  it('refuses production without a JWT secret or Redis', () => {
    expect(() => loadRouterConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production[\s\S]*REDIS_URL/);
  });
});
