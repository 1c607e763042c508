import type { FormattedExecutionResult } from 'graphql';
import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  allow,
  buildFederatedSchema,
  createLogger,
  createTokenSigner,
  isAuthenticated,
  MemoryRevocationList,
  Secret,
  serveSubgraph,
  type Caller,
  type RequestContext,
  type Served,
} from '../src';
import { bareRuntime } from './fixtures/bare-runtime';

@Resolver()
class WhoAmIResolver {
  @Query(() => String)
  whoami(@Ctx() ctx: RequestContext): string {
    return ctx.caller!.username;
  }

  /** What a login does: issues a token and tells the router (RequestContext.signedIn). */
  @Mutation(() => String)
  signIn(@Ctx() ctx: RequestContext): string {
    ctx.signedIn = signer.signAccess(ANN, 60);
    return 'signed in';
  }
}

const ANN: Caller = { userId: '1', username: 'ann', tenantId: 't1', roles: [], permissions: [], scope: 'own', sessionId: 's1' };
const signer = createTokenSigner(new Secret('kit-serve-test-secret-0123456789abcdef'));
const otherSigner = createTokenSigner(new Secret('someone-elses-secret-0123456789abcdef'));
const revocations = new MemoryRevocationList();
let served: Served;

beforeAll(async () => {
  const built = await buildFederatedSchema({ resolvers: [WhoAmIResolver], permissions: { Query: { whoami: isAuthenticated }, Mutation: { signIn: allow } } });
  const runtime = bareRuntime('whoami', built, { signer, revocations });
  served = await serveSubgraph(runtime, { port: 0, production: true, logger: createLogger({ name: 'test', level: 'silent' }) });
});
afterAll(() => served.close());

async function whoami(authorization: string) {
  const response = await fetch(served.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ whoami }' }),
  });
  return { status: response.status, body: (await response.json()) as FormattedExecutionResult };
}

describe('serveSubgraph called directly with a bearer token', () => {
  test('a valid token is answered', async () => {
    expect(await whoami(`Bearer ${signer.signAccess(ANN, 60)}`)).toEqual({ status: 200, body: { data: { whoami: 'ann' } } });
  });

  test.each([
    ['a malformed token', () => 'Bearer not-a-jwt'],
    ['a token signed by someone else', () => `Bearer ${otherSigner.signAccess(ANN, 60)}`],
    ['an expired token', () => `Bearer ${signer.signAccess(ANN, -60)}`],
    ['credentials that are no bearer token', () => 'Basic YW5uOnB3'],
  ])('%s: a 401 UNAUTHENTICATED with the coded body', async (_what, authorization) => {
    expect(await whoami(authorization())).toEqual({
      status: 401,
      body: { errors: [{ message: 'Token is invalid or expired', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' } }] },
    });
  });

  test('a revoked session is a 401 UNAUTHENTICATED', async () => {
    const revoked = { ...ANN, sessionId: 'revoked-1' };
    await revocations.revoke(revoked.sessionId, 60);
    expect(await whoami(`Bearer ${signer.signAccess(revoked, 60)}`)).toEqual({
      status: 401,
      body: { errors: [{ message: 'Token is invalid or expired', extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' } }] },
    });
  });
});

test('an operation that signed someone in answers the token as extensions.signedInToken (for the router); others do not', async () => {
  const post = async (query: string) =>
    (await (await fetch(served.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as FormattedExecutionResult;
  const signedIn = await post('mutation { signIn }');
  expect(signedIn).toEqual({ data: { signIn: 'signed in' }, extensions: { signedInToken: expect.any(String) } });
  expect((await whoami(`Bearer ${String(signedIn.extensions!.signedInToken)}`)).body).toEqual({ data: { whoami: 'ann' } });
  expect((await post('{ __typename }')).extensions).toBeUndefined();
});
