import { buildClientSchema, type IntrospectionQuery } from 'graphql';
import { startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

const html = { accept: 'text/html' };

describe('the pages the router serves', () => {
  let platform: ToyPlatform;
  let development: RunningRouter;
  let production: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    development = await startRouter(platform, 'local');
    production = await startRouter(platform, 'local', { production: true });
  });
  afterAll(async () => {
    await development.close();
    await production.close();
  });

  it('answers a browser on /graphql with GraphiQL, whose every script and style the router serves', async () => {
    const page = await fetch(development.url, { headers: html });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('<div id="graphiql">');
    const assets = [...text.matchAll(/(?:src|href)="(\/pages\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['/pages/graphiql.js', '/pages/graphiql.css', '/pages/react.js', '/pages/graphql-ws.js']));
    for (const asset of assets) {
      const res = await fetch(new URL(asset, development.url));
      expect([asset, res.status]).toEqual([asset, 200]);
      expect(res.headers.get('content-type')).toMatch(/^text\/(javascript|css)/);
    }
    // No script from anywhere else, and none inline: the CSP stays `script-src 'self'`.
    expect(text).not.toMatch(/<script>(?!<\/script>)|https?:\/\//);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
  });

  it('gives GraphiQL the API schema (the introspection query itself is over the operation limits)', async () => {
    const res = await fetch(new URL('/pages/schema.json', development.url));
    expect(res.status).toBe(200);
    const schema = buildClientSchema((await res.json()) as IntrospectionQuery);
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['notes']));
    // The supergraph's join machinery is not part of the API.
    expect(schema.getType('join__Graph')).toBeUndefined();
  });

  it('serves the live notices page', async () => {
    const res = await fetch(new URL('/live', development.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<script src="/pages/live.js"></script>');
    expect((await fetch(new URL('/pages/nothing.js', development.url))).status).toBe(404);
  });

  it('in production: no GraphiQL and no schema, the live page stays', async () => {
    const page = await fetch(production.url, { headers: html });
    expect(await page.text()).not.toContain('graphiql');
    expect((await fetch(new URL('/pages/schema.json', production.url))).status).toBe(404);
    expect((await fetch(new URL('/live', production.url))).status).toBe(200);
  });
});
