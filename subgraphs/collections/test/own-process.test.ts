import { collections } from '../src/collections.subgraph';

/** Partner pushes (verified by identity) and staff accounts (made in identity) reach the graph through the router. */
describe('collections as a process of its own', () => {
  it('refuses to start without ROUTER_URL rather than refusing every partner push later', async () => {
    await expect(collections.listen(0, { NODE_ENV: 'test', LOG_LEVEL: 'silent' })).rejects.toThrow('ROUTER_URL: required');
  });

  it('takes only an http(s) ROUTER_URL', () => {
    expect(() => collections.loadConfig({ NODE_ENV: 'test', ROUTER_URL: 'ftp://router/graphql' })).toThrow(/ROUTER_URL/);
    expect(collections.loadConfig({ NODE_ENV: 'test', ROUTER_URL: 'http://router:4000/graphql' }).ROUTER_URL).toBe('http://router:4000/graphql');
  });
});
