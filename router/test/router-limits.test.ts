import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

/** `users { notes { author { notes { … } } } }` nested until `levels` fields deep. */
function nested(levels: number): string {
  let selection = 'id';
  for (let depth = levels - 1; depth >= 1; depth -= 1) {
    const field = depth === 1 ? 'users' : depth % 2 === 0 ? 'notes' : 'author';
    selection = `${field} { ${selection} }`;
  }
  return `{ ${selection} }`;
}

describe('operation limits at the router (defaults: depth 12, aliases 30, cost 5000)', () => {
  let platform: ToyPlatform;
  let running: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, 'local');
  });
  afterAll(() => running.close(), 30_000);

  const refusal = (reason: string) => ({
    errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason }) })],
  });

  it('serves an ordinary nested operation', async () => {
    const { status, body } = await post(running.url, { query: '{ notes { author { notes { author { username } } } } }' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('serves 12 levels and refuses 13 without calling any subgraph', async () => {
    // Chains this deep through lists cost ~10^6: the cost limit is lifted to isolate the depth check.
    const deep = await startRouter(platform, 'local', { limits: { cost: 1e12 } });
    try {
      expect((await post(deep.url, { query: nested(12) })).body.errors).toBeUndefined();
      const before = platform.calls.total();
      const { status, body } = await post(deep.url, { query: nested(13) });
      expect(status).toBe(400);
      expect(body).toEqual(refusal('MAX_DEPTH'));
      expect(platform.calls.total()).toBe(before);
    } finally {
      await deep.close();
    }
  });

  it('counts depth through fragments', async () => {
    const small = await startRouter(platform, 'local', { limits: { depth: 3 } });
    try {
      const query = 'query { users { ...U } } fragment U on User { notes { author { id } } }';
      const { status, body } = await post(small.url, { query });
      expect(status).toBe(400);
      expect(body).toEqual(refusal('MAX_DEPTH'));
    } finally {
      await small.close();
    }
  });

  it('refuses more than 30 aliases, counting fragments once per spread', async () => {
    const thirty = Array.from({ length: 30 }, (_, i) => `a${i}: notes { id }`).join(' ');
    expect((await post(running.url, { query: `{ ${thirty} }` })).body.errors).toBeUndefined();

    const { status, body } = await post(running.url, { query: `{ ${thirty} extra: notes { id } }` });
    expect(status).toBe(400);
    expect(body).toEqual(refusal('MAX_ALIASES'));

    const spread = 'query { users { ...A } notes { author { ...A } } } fragment A on User { ' +
      Array.from({ length: 16 }, (_, i) => `u${i}: id`).join(' ') + ' }';
    expect((await post(running.url, { query: spread })).body).toEqual(refusal('MAX_ALIASES'));
  });

  it('refuses an operation whose estimated cost exceeds the limit', async () => {
    // users(10) × notes(10) × author × notes(10) × author × notes(10): ~10^4 fields, 11 levels deep.
    const query = '{ users { notes { author { notes { author { notes { author { notes { id } } } } } } } } }';
    const before = platform.calls.total();
    const { status, body } = await post(running.url, { query });
    expect(status).toBe(400);
    expect(body).toEqual(refusal('MAX_COST'));
    expect(platform.calls.total()).toBe(before);
    expect(body.errors[0].extensions).toMatchObject({ limit: 5000 });
  });

  describe('a page size hidden in a variable default does not bypass the cost limit', () => {
    // users(first: 3000) { id username } costs 3000 × 3 = 9000.
    const literal = '{ users(first: 3000) { id username } }';
    const viaDefault = 'query Big($n: Int = 3000) { users(first: $n) { id username } }';

    it('over HTTP, refusing the default exactly as the literal, without calling any subgraph', async () => {
      const before = platform.calls.total();
      expect((await post(running.url, { query: literal })).body).toEqual(refusal('MAX_COST'));
      const { status, body } = await post(running.url, { query: viaDefault });
      expect(status).toBe(400);
      expect(body).toEqual(refusal('MAX_COST'));
      expect(body.errors[0].extensions).toMatchObject({ cost: 9000 });
      expect(platform.calls.total()).toBe(before);
      // The same variable given a small value runs.
      expect((await post(running.url, { query: viaDefault, variables: { n: 1 } })).body).toEqual({
        data: { users: [{ id: '1', username: 'ann' }] },
      });
    });

    it('over WebSocket', async () => {
      const client = createClient({
        url: running.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${platform.token()}` },
        retryAttempts: 0,
      });
      try {
        await expect(client.iterate({ query: viaDefault }).next()).rejects.toEqual([
          expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'MAX_COST' }) }),
        ]);
        const subscription = 'subscription S($n: Int = 3000) { noteAdded { author { notes { id } } } }';
        // A subscription's variables are coerced the same way: an invalid one is refused before any upstream call.
        await expect(client.iterate({ query: subscription, variables: { n: 'many' } }).next()).rejects.toEqual([
          expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
        ]);
      } finally {
        await client.dispose();
      }
    });
  });

  describe('introspection fields and __typename count toward the limits', () => {
    it('refuses 5,000 aliased __typename fields (MAX_ALIASES)', async () => {
      const aliases = Array.from({ length: 5000 }, (_, i) => `t${i}: __typename`).join(' ');
      const { status, body } = await post(running.url, { query: `{ ${aliases} }` });
      expect(status).toBe(400);
      expect(body).toEqual(refusal('MAX_ALIASES'));
    });

    it('counts introspection depth and cost', async () => {
      const costly = '{ __schema { types { fields { args { type { fields { name } } } } } } }';
      expect((await post(running.url, { query: costly })).body).toEqual(refusal('MAX_COST'));
      const shallow = await startRouter(platform, 'local', { limits: { depth: 3 } });
      try {
        const deep = '{ __schema { queryType { fields { name } } } }';
        expect((await post(shallow.url, { query: deep })).body).toEqual(refusal('MAX_DEPTH'));
        expect((await post(shallow.url, { query: '{ __schema { queryType { name } } }' })).body.errors).toBeUndefined();
      } finally {
        await shallow.close();
      }
    });
  });

  it('applies the same limits to operations over WebSocket', async () => {
    const client = createClient({
      url: running.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${platform.token()}` },
      retryAttempts: 0,
    });
    try {
      const deep = 'subscription { noteAdded { author { notes { author { notes { author { notes { author { notes { author { notes { author { id } } } } } } } } } } } } }';
      await expect(client.iterate({ query: deep }).next()).rejects.toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'MAX_DEPTH' }) }),
      ]);
      const costly = 'subscription { noteAdded { author { notes { author { notes { author { notes { author { notes { id } } } } } } } } } }';
      await expect(client.iterate({ query: costly }).next()).rejects.toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'MAX_COST' }) }),
      ]);
    } finally {
      await client.dispose();
    }
  });
});
