import { createTokenSigner, Secret } from '@platform/kit';
import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform, type UpstreamKind } from './fixtures/toy-platform';

describe.each<UpstreamKind>(['local', 'remote'])('queries through the router (%s subgraphs)', (kind) => {
  let platform: ToyPlatform;
  let running: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, kind);
  });
  afterAll(() => running.close(), 30_000);

  it('joins fields of two subgraphs in one query', async () => {
    const { status, body } = await post(running.url, { query: '{ notes { text author { id username } } }' });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        notes: [
          { text: 'hello', author: { id: '1', username: 'ann' } },
          { text: 'world', author: { id: '2', username: 'bob' } },
        ],
      },
    });
  });

  it('resolves fields a second subgraph contributes to an entity', async () => {
    const { body } = await post(running.url, { query: '{ users { username notes { text } } }' });
    expect(body.data.users).toEqual([
      { username: 'ann', notes: [{ text: 'hello' }] },
      { username: 'bob', notes: [{ text: 'world' }] },
    ]);
  });

  it('forwards the caller token, which the subgraph verifies again', async () => {
    const { body } = await post(running.url, { query: '{ me { username } }' }, bearer(platform.token('2')));
    expect(body).toEqual({ data: { me: { username: 'bob' } } });
  });

  it('forwards the request id and the client address it resolved, not the one the client claims', async () => {
    await post(running.url, { query: '{ me { username } }' }, {
      ...bearer(platform.token('1')),
      'x-request-id': 'trace-42',
      'x-forwarded-for': '203.0.113.9',
    });
    const seen = platform.seenHeaders.at(-1)!;
    expect(seen['x-request-id']).toBe('trace-42');
    // No trusted proxies configured: the socket's peer is the client.
    expect(seen['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('lets anonymous requests through to the subgraph rules', async () => {
    const { body } = await post(running.url, { query: '{ me { username } }' });
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a malformed token', 'Bearer not-a-jwt'],
    ['a token signed with another key', `Bearer ${forged()}`],
    ['a header that is not a bearer token', 'Basic YWRtaW46YWRtaW4='],
  ])('refuses %s with 401 UNAUTHENTICATED before calling any subgraph', async (_what, authorization) => {
    const before = platform.calls.total();
    const { status, body } = await post(running.url, { query: '{ notes { text } }' }, { authorization });
    expect(status).toBe(401);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(body.data).toBeUndefined();
    expect(platform.calls.total()).toBe(before);
  });

  it('refuses a revoked session', async () => {
    const token = platform.token('1', 'revoked-session');
    await platform.revocations.revoke('revoked-session', 600);
    const before = platform.calls.total();
    const { status, body } = await post(running.url, { query: '{ notes { text } }' }, bearer(token));
    expect(status).toBe(401);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(platform.calls.total()).toBe(before);
  });

  it('runs mutations as the caller', async () => {
    const { body } = await post(
      running.url,
      { query: 'mutation($t: String!) { addNote(text: $t) { text author { username } } }', variables: { t: 'mine' } },
      bearer(platform.token('2')),
    );
    expect(body).toEqual({ data: { addNote: { text: 'mine', author: { username: 'bob' } } } });
  });
});

/** A well-formed token from a signer with a different secret. */
function forged(): string {
  return createTokenSigner(new Secret('another-secret-another-secret-another-0123')).signAccess(
    { userId: '1', username: 'ann', tenantId: 't1', roles: [], permissions: [], scope: 'own', sessionId: 'x' },
    600,
  );
}
