import { PLATFORM_START_MS } from '@platform/testkit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_ROUTES, createAdapter, loadOperation, type Adapter } from '@platform/rest-adapter';
import { httpExecutor } from '@platform/router';
import { createLogger } from '@platform/kit';
import { startPlatform, type Platform } from '../src/embedded';

const MANIFEST = path.resolve(__dirname, '../../schema/trusted-documents.json');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('trusted documents: the REST adapter\'s operations are on the list', () => {
  it('lists every operation a REST route runs, hashed exactly as the adapter sends it', () => {
    const listed = new Set((JSON.parse(readFileSync(MANIFEST, 'utf8')) as { documents: { hash: string }[] }).documents.map((d) => d.hash));
    // Streaming routes (uploads, downloads) run theirs through the same router.
    const missing = ALL_ROUTES.flatMap((route) =>
      route.kind === 'graphql' ? [loadOperation(route.operation)] : route.kind === 'stream' ? route.operations.map((op) => loadOperation(op)) : [],
    )
      .filter((op) => !listed.has(sha256(op.document)))
      .map((op) => op.name);
    expect(missing).toEqual([]);
  });

  describe('a router enforcing the list, the adapter calling it over HTTP (the production shape)', () => {
    let platform: Platform;
    let routerUrl: string;
    let adapter: Adapter;
    let adapterUrl: string;

    beforeAll(async () => {
      platform = await startPlatform({
        env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ROUTER_PORT: '0', ADAPTER_PORT: '0', TRUSTED_DOCUMENTS: 'enforce' },
      });
      ({ routerUrl } = await platform.listen());
      adapter = await createAdapter({
        executor: httpExecutor(`${routerUrl}/graphql`),
        logger: createLogger({ name: 'adapter', level: 'silent' }),
        production: false,
      });
      adapterUrl = await adapter.listen(0);
    }, PLATFORM_START_MS);
    afterAll(async () => {
      await adapter?.close();
      await platform?.close();
    });

    it('serves a REST route, whose operation is on the list', async () => {
      const response = await fetch(`${adapterUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Admin123456' }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { access_token?: string } }).data.access_token).toEqual(expect.any(String));
    });

    it('refuses a GraphQL document sent straight to the router that is not on the list', async () => {
      const response = await fetch(`${routerUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { login(input: { login: "admin", password: "Admin123456" }) { accessToken } }' }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'UNTRUSTED_DOCUMENT' }) })],
      });
    });
  });
});
