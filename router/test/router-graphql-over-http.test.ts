import { post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

const REQUEST_ERRORS = [
  { failure: 'a parse failure', body: { query: '{ notes { id ' } },
  { failure: 'a validation failure', body: { query: '{ notes { nope } }' } },
  { failure: 'a variable-coercion failure', body: { query: 'query($n: Int) { users(first: $n) { id } }', variables: { n: 'x' } } },
  { failure: 'a missing required variable', body: { query: 'query($n: Int!) { users(first: $n) { id } }' } },
];

describe('GraphQL over HTTP: the status follows the accepted media type', () => {
  let platform: ToyPlatform;
  let running: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, 'local');
  });
  afterAll(() => running.close(), 30_000);

  it.each(REQUEST_ERRORS)('a client accepting only application/json gets 200 with errors for $failure', async ({ body }) => {
    const before = platform.calls.total();
    const response = await post(running.url, body, { accept: 'application/json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(platform.calls.total()).toBe(before);
  });

  it.each(REQUEST_ERRORS)('a client accepting application/graphql-response+json gets 400 for $failure', async ({ body }) => {
    const response = await post(running.url, body, { accept: 'application/graphql-response+json, application/json;q=0.9' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('keeps a GET without a preflight header refused by CSRF prevention, whatever the client accepts', async () => {
    const before = platform.calls.total();
    const response = await fetch(`${running.url}?query=${encodeURIComponent('{ notes { id } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
    expect(platform.calls.total()).toBe(before);
  });

  it('still answers a successful operation 200', async () => {
    const response = await post(running.url, { query: '{ notes { id } }' }, { accept: 'application/json' });
    expect(response).toMatchObject({ status: 200, body: { data: { notes: [{ id: 'n1' }, { id: 'n2' }] } } });
  });
});
