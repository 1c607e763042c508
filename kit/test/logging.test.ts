import type { FormattedExecutionResult } from 'graphql';
import { Arg, Mutation, Query, Resolver } from 'type-graphql';
import { captureLogs, LOG_LEVEL } from '@platform/testkit';
import {
  allow,
  buildFederatedSchema,
  createTokenSigner,
  MemoryRevocationList,
  Secret,
  serveSubgraph,
  type Served,
  type SubgraphRuntime,
} from '../src';
import { bareRuntime } from './fixtures/bare-runtime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PASSWORD = 'correct-horse-battery-staple';

@Resolver()
class LoginResolver {
  @Query(() => String)
  hello(): string {
    return 'hi';
  }

  @Query(() => String)
  boom(): string {
    throw new Error('disk on fire');
  }

  @Mutation(() => Boolean)
  login(@Arg('username') _username: string, @Arg('password') _password: string): boolean {
    return true;
  }
}

const signer = createTokenSigner(new Secret('kit-logging-test-secret-0123456789abcdef'));

async function runtime(): Promise<SubgraphRuntime> {
  const built = await buildFederatedSchema({
    resolvers: [LoginResolver],
    permissions: { Query: { hello: allow, boom: allow }, Mutation: { login: allow } },
  });
  return bareRuntime('login', built, { signer, revocations: new MemoryRevocationList() });
}

async function post(url: string, payload: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  const body = (await response.json()) as FormattedExecutionResult;
  return { status: response.status, requestId: response.headers.get('x-request-id'), body };
}

describe('serveSubgraph logs', () => {
  describe('at debug level', () => {
    const logs = captureLogs('debug');
    let served: Served;
    beforeAll(async () => {
      served = await serveSubgraph(await runtime(), { port: 0, production: true, logger: logs.logger });
    });
    afterAll(() => served.close());

    const operationLines = (requestId: string | null) =>
      logs.lines().filter((l) => l.msg === 'graphql operation' && l.requestId === requestId);

    it('logs each operation at debug with the request id it was sent, and echoes that id', async () => {
      const response = await post(served.url, { query: 'query Hello { hello }' }, { 'x-request-id': 'router-req-1' });
      expect(response.requestId).toBe('router-req-1');
      expect(operationLines('router-req-1')).toEqual([
        expect.objectContaining({ level: LOG_LEVEL.debug, operationName: 'Hello', operationType: 'query', ms: expect.any(Number) }),
      ]);
    });

    it('generates a request id when none (or an unsafe one) is sent', async () => {
      const sent: Record<string, string>[] = [{}, { 'x-request-id': 'a\tb' }];
      for (const headers of sent) {
        const response = await post(served.url, { query: '{ hello }' }, headers);
        expect(response.requestId).toMatch(UUID);
        expect(operationLines(response.requestId)).toHaveLength(1);
      }
    });

    it('logs an unexpected error with its request id, and its code on the operation line', async () => {
      const response = await post(served.url, { query: '{ boom }' }, { 'x-request-id': 'boom-1' });
      expect(response.body.errors).toEqual([{ message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL' } }]);
      const errors = logs.lines().filter((l) => l.msg === 'unexpected error');
      expect(errors).toEqual([expect.objectContaining({ requestId: 'boom-1', err: expect.objectContaining({ message: 'disk on fire' }) })]);
      expect(operationLines('boom-1')).toEqual([expect.objectContaining({ errorCodes: ['INTERNAL'] })]);
    });

    it('never logs a password variable or the Authorization header, even for a refused token', async () => {
      const token = signer.signAccess(
        { userId: '1', username: 'ann', tenantId: 't1', roles: [], permissions: [], scope: 'own', sessionId: 's1' },
        600,
      );
      const login = {
        query: 'mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) }',
        variables: { username: 'ann', password: PASSWORD },
      };
      expect((await post(served.url, login, { authorization: `Bearer ${token}`, 'x-request-id': 'login-1' })).body).toEqual({
        data: { login: true },
      });
      const refused = await post(served.url, login, { authorization: `Bearer ${PASSWORD}`, 'x-request-id': 'login-2' });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      expect(operationLines('login-1')).toEqual([expect.objectContaining({ operationName: 'Login', operationType: 'mutation' })]);
      expect(operationLines('login-2')).toEqual([expect.objectContaining({ errorCodes: ['UNAUTHENTICATED'] })]);
      expect(logs.text()).not.toContain(PASSWORD);
      expect(logs.text()).not.toContain(token);
    });
  });

  it('writes no operation line at info level, where the router has already logged the operation', async () => {
    const logs = captureLogs('info');
    const served = await serveSubgraph(await runtime(), { port: 0, production: true, logger: logs.logger });
    try {
      const response = await post(served.url, { query: '{ hello }' }, { 'x-request-id': 'quiet-1' });
      expect(response.body).toEqual({ data: { hello: 'hi' } });
      expect(logs.lines().filter((l) => l.requestId === 'quiet-1')).toEqual([]);
    } finally {
      await served.close();
    }
  });
});
