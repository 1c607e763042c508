import { graphql, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { forkForTenant, type Caller } from '@platform/kit';
import { createIdentity, loadIdentityConfig, type IdentityDeps, type IdentityRuntime } from '../../src';

export interface Harness {
  runtime: IdentityRuntime;
  /** Runs an operation in-process as the bearer of `token` (anonymous without one), with extra request headers. */
  exec(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<ExecutionResult>;
  /** Like exec, but fails the test on any error and answers `data`. */
  data<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** Signs in and answers the access token (and the rest of the payload); APP sign-ins name a device. */
  login(login: string, password: string, channel?: 'WEB' | 'APP', deviceId?: string): Promise<LoginResult>;
  /** A token for a caller that did not log in (RBAC-style callers). */
  tokenOf(caller: Caller): string;
  close(): Promise<void>;
}

export interface LoginResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; username: string };
}

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken tokenType expiresIn user { id username } }
  }
`;

export async function startIdentity(env: Record<string, string> = {}, deps: IdentityDeps = {}): Promise<Harness> {
  const config = loadIdentityConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const runtime = await createIdentity(config, deps);

  const exec = async (query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}) => {
    let contextValue;
    try {
      contextValue = await runtime.createContext({ ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) });
    } catch (error) {
      // As over HTTP: a refused token is the whole answer.
      return { errors: [error] } as unknown as ExecutionResult;
    }
    return graphql({ schema: runtime.schema, source: query, variableValues: variables, contextValue });
  };

  const data = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const result = await exec(query, variables, token);
    if (result.errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(result.errors.map(describe))}`);
    return result.data as any;
  };

  return {
    runtime,
    exec,
    data,
    async login(login, password, channel = 'WEB', deviceId = 'test-device') {
      const device = channel === 'APP' ? { deviceId } : undefined;
      return (await data(LOGIN, { input: { login, password, channel, device } })).login;
    },
    tokenOf: (caller) => runtime.services.signer.signAccess(caller, 3600),
    close: () => runtime.close(),
  };
}

const describe = (e: unknown) => {
  const err = e as GraphQLFormattedError;
  return { message: err.message, code: err.extensions?.code, field: err.extensions?.field, path: err.path };
};

/** The first error's code, field and reason, as a client reads them. */
export function errorOf(result: ExecutionResult): { code?: unknown; field?: unknown; reason?: unknown; message?: string } {
  const error = result.errors?.[0];
  if (!error) return {};
  return {
    code: error.extensions?.code,
    field: error.extensions?.field,
    reason: error.extensions?.reason,
    message: error.message,
  };
}

/** An EntityManager over every tenant, for asserting what is stored. */
export const platformEm = (h: Harness) => forkForTenant(h.runtime.orm.em, null);

/** Ids of the seeded base accounts (looked up, not assumed). */
export async function seededIds(h: Harness) {
  const em = platformEm(h);
  const rows = await em.getConnection().execute<{ id: number; username: string }[]>(
    'select id, username from user',
  );
  const byName = Object.fromEntries(rows.map((r) => [r.username, String(r.id)]));
  const tenants = await em.getConnection().execute<{ id: number; code: string }[]>('select id, code from tenant');
  return { users: byName, demoTenantId: String(tenants.find((t) => t.code === 'DEMO')!.id) };
}
