import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

describe('the router over HTTP', () => {
  let platform: ToyPlatform;
  let running: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, 'local');
  });
  afterAll(() => running.close(), 30_000);

  describe('CSRF prevention', () => {
    const query = encodeURIComponent('{ notes { id } }');

    it('refuses a simple GET without a preflight header, calling no subgraph', async () => {
      const before = platform.calls.total();
      const response = await fetch(`${running.url}?query=${query}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/);
      expect(platform.calls.total()).toBe(before);
    });

    it('serves a GET carrying apollo-require-preflight', async () => {
      const response = await fetch(`${running.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { notes: [{ id: 'n1' }, { id: 'n2' }] } });
    });

    it('refuses a simple POST (text/plain), calling no subgraph', async () => {
      const before = platform.calls.total();
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ notes { id } }' }),
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(platform.calls.total()).toBe(before);
    });
  });

  describe('request size', () => {
    const postOf = (padding: number) =>
      fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ notes { id } }', variables: { padding: 'x'.repeat(padding) } }),
      });

    it('reads bodies beyond Fastify’s default 1 MiB, up to 24 MiB (a partner batch raw and parsed, base64 photos)', async () => {
      const response = await postOf(20 * 1024 * 1024);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { notes: [{ id: 'n1' }, { id: 'n2' }] } });
    });

    it('refuses a larger body with 413, calling no subgraph', async () => {
      const before = platform.calls.total();
      expect((await postOf(25 * 1024 * 1024)).status).toBe(413);
      expect(platform.calls.total()).toBe(before);
    });
  });

  describe('health', () => {
    it('answers liveness at /health', async () => {
      const response = await fetch(new URL('/health', running.url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('is ready when every subgraph is healthy, and 503 when one is not', async () => {
      const ready = await fetch(new URL('/ready', running.url));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', subgraphs: { users: 'healthy', notes: 'healthy' } });

      platform.usersHealth.status = 'unhealthy';
      try {
        const notReady = await fetch(new URL('/ready', running.url));
        expect(notReady.status).toBe(503);
        expect(await notReady.json()).toEqual({ status: 'unavailable', subgraphs: { users: 'unhealthy', notes: 'healthy' } });
      } finally {
        platform.usersHealth.status = 'healthy';
      }
    });

    it('is not ready when a remote subgraph does not answer, whose fields are then UNAVAILABLE', async () => {
      const router = await startRouter(platform, 'local', {
        subgraphs: {
          users: { kind: 'local', runtime: platform.runtimes.users },
          notes: { kind: 'remote', url: 'http://127.0.0.1:9/graphql' },
        },
      });
      try {
        const response = await fetch(new URL('/ready', router.url));
        expect(response.status).toBe(503);
        expect(((await response.json()) as { subgraphs: unknown }).subgraphs).toEqual({ users: 'healthy', notes: 'unhealthy' });
        const { body } = await post(router.url, { query: '{ notes { id } }' });
        expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAVAILABLE' }) })]);
      } finally {
        await router.close();
      }
    });
  });

  describe('the in-process executor', () => {
    it('runs an operation across subgraphs as the caller', async () => {
      const result = await running.router.executor.execute({
        query: 'query Q { me { username } notes { author { username } } }', operationName: 'Q',
        headers: bearer(platform.token('1')),
      });
      expect(result).toEqual({
        data: { me: { username: 'ann' }, notes: [{ author: { username: 'ann' } }, { author: { username: 'bob' } }] },
      });
    });

    it('refuses an invalid token with UNAUTHENTICATED, calling no subgraph', async () => {
      const before = platform.calls.total();
      const result = await running.router.executor.execute({ query: '{ notes { id } }', headers: { authorization: 'Bearer x' } });
      expect(result.errors).toEqual([
        { message: 'Token is invalid or expired', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' } },
      ]);
      expect(platform.calls.total()).toBe(before);
    });

    it('applies the limits', async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: notes { id }`).join(' ');
      const result = await running.router.executor.execute({ query: `{ ${aliases} }`, headers: {} });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAX_ALIASES' });
    });
  });

  describe('development mode', () => {
    it('allows introspection, yet never shows an internal error’s text (issue 6.4: it is logged instead)', async () => {
      expect((await post(running.url, { query: '{ __schema { queryType { name } } }' })).body).toEqual({
        data: { __schema: { queryType: { name: 'Query' } } },
      });
      const { body } = await post(running.url, { query: '{ boom }' });
      expect(body.errors).toEqual([{ message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL' } }]);
    });
  });

  describe('production mode', () => {
    let production: RunningRouter;
    beforeAll(async () => {
      production = await startRouter(platform, 'local', { production: true });
    });
    afterAll(() => production.close());

    it('refuses introspection', async () => {
      const { status, body } = await post(production.url, { query: '{ __schema { queryType { name } } }' });
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.data).toBeUndefined();
    });

    it('hides internal error messages and stack traces', async () => {
      const { body } = await post(production.url, { query: '{ boom }' });
      expect(body.errors).toEqual([{ message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL' } }]);
    });

    it('keeps coded errors but drops their stack traces', async () => {
      const { body } = await post(production.url, { query: '{ me { username } }' });
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].extensions.stacktrace).toBeUndefined();
    });
  });
});
