import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { serveSubgraph, type Served } from '@platform/kit';
import { logger, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

/** Each typo is one letter away from a field, an argument or an enum-free input: graphql-js would suggest the name. */
const TYPOS = [
  { query: '{ notez { id } }', hidden: 'notes' },
  { query: '{ users { usernam } }', hidden: 'username' },
  { query: '{ users(firts: 1) { id } }', hidden: 'first' },
];

const socket = (url: string, token: string): Client =>
  createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });

/** The errors a graphql-ws operation ends with (refusal or errors in the result). */
async function socketErrors(client: Client, query: string): Promise<{ message: string }[]> {
  try {
    const first = await client.iterate({ query }).next();
    return ((first.value as { errors?: { message: string }[] } | undefined)?.errors ?? []);
  } catch (errors) {
    return errors as { message: string }[];
  }
}

describe('schema leaks in production: field suggestions and introspection', () => {
  let platform: ToyPlatform;
  let production: RunningRouter;
  let development: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    production = await startRouter(platform, 'local', { production: true });
    development = await startRouter(platform, 'local');
  });
  afterAll(async () => {
    await production.close();
    await development.close();
  });

  it('development still suggests (so the production test below can fail)', async () => {
    const { body } = await post(development.url, { query: TYPOS[0].query });
    expect(body.errors[0].message).toMatch(/Did you mean "notes"\?/);
  });

  it.each(TYPOS)('the router does not suggest "$hidden" over HTTP in production', async ({ query, hidden }) => {
    const { body } = await post(production.url, { query });
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) {
      expect(error.message).not.toMatch(/Did you mean/);
      expect(error.message).not.toContain(`"${hidden}"`);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('the router does not suggest over WebSocket in production, and refuses introspection there', async () => {
    const client = socket(production.wsUrl, platform.token());
    try {
      for (const { query, hidden } of TYPOS) {
        const errors = await socketErrors(client, query);
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) expect(error.message).not.toMatch(new RegExp(`Did you mean|"${hidden}"`));
      }
      const introspection = await socketErrors(client, '{ __schema { queryType { name } } }');
      expect(introspection.length).toBeGreaterThan(0);
      for (const error of introspection) expect(error.message).toMatch(/introspection has been disabled/);
    } finally {
      await client.dispose();
    }
  });

  describe('a subgraph server in production', () => {
    let served: Served;
    beforeAll(async () => {
      served = await serveSubgraph(platform.runtimes.users, { port: 0, production: true, logger });
    });
    afterAll(() => served.close());

    it('does not suggest over HTTP', async () => {
      const { body } = await post(served.url, { query: '{ users { usernam } }' });
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Cannot query field "usernam" on type "User".' })]);
    });

    it('does not suggest over WebSocket, nor answer introspection there', async () => {
      const client = socket(served.url.replace(/^http/, 'ws'), platform.token());
      try {
        const errors = await socketErrors(client, '{ users { usernam } }');
        expect(errors).toEqual([expect.objectContaining({ message: 'Cannot query field "usernam" on type "User".' })]);
        const introspection = await socketErrors(client, '{ __schema { queryType { name } } }');
        expect(introspection.length).toBeGreaterThan(0);
        for (const error of introspection) expect(error.message).toMatch(/introspection has been disabled/);
      } finally {
        await client.dispose();
      }
    });
  });
});
