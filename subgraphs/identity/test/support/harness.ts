import type { ExecutionResult } from 'graphql';
import { forkForTenant, type Caller } from '@platform/kit';
import { SubgraphHarness } from '@platform/testkit';
import { identity, type IdentityDeps, type IdentityRuntime } from '../../src';
import type { UntypedJson } from '@platform/testkit';

export interface Harness {
  runtime: IdentityRuntime;
  /** Runs an operation in-process as the bearer of `token` (anonymous without one), with extra request headers. */
  exec(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<ExecutionResult>;
  /** Like exec, but fails the test on any error and answers `data`. */
  data<T = UntypedJson>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
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

/** identity in-process on SQLite :memory: (default) or on a MariaDB database of its own, seeded as in development. */
export async function startIdentity(
  env: Record<string, string> = {},
  deps: IdentityDeps = {},
  database: 'sqlite' | 'mariadb' = 'sqlite',
): Promise<Harness> {
  const h = await SubgraphHarness.start(identity, { env, deps, database });
  const data = (query: string, variables?: Record<string, unknown>, token?: string) => h.data(query, variables, token);
  return {
    runtime: h.runtime,
    exec: (query, variables, token, headers) => h.exec(query, variables, token, headers),
    data,
    async login(login, password, channel = 'WEB', deviceId = 'test-device') {
      const device = channel === 'APP' ? { deviceId } : undefined;
      return (await data(LOGIN, { input: { login, password, channel, device } })).login;
    },
    tokenOf: (caller) => h.tokenOf(caller),
    close: () => h.close(),
  };
}

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
