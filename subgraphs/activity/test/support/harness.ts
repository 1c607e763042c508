import type { Caller, TokenSigner } from '@platform/kit';
import { BASE_ROLES, SubgraphHarness } from '@platform/testkit';
import type { ExecutionResult } from 'graphql';
import { activity, type ActivityDeps, type ActivityRuntime } from '@platform/activity';

export const TENANT = '1';

/** Callers holding the base roles exactly as identity seeds them; ids are identity's integer ids. */
export const callers = {
  superAdmin: BASE_ROLES.SuperAdmin({ tenantId: TENANT, userId: '1' }),
  tenantAdmin: BASE_ROLES.TenantAdmin({ tenantId: TENANT, userId: '2' }),
  admin: BASE_ROLES.admin({ tenantId: TENANT, userId: '3' }),
  alice: BASE_ROLES.user({ tenantId: TENANT, userId: '11', username: 'alice' }),
  bob: BASE_ROLES.user({ tenantId: TENANT, userId: '12', username: 'bob' }),
};

/** A client's view of one activity runtime: operations run in-process on its schema, as the router runs them. */
export class ActivityClient {
  private constructor(private readonly harness: SubgraphHarness<ActivityRuntime>) {}

  /** On SQLite :memory: unless `env` names a DATABASE_URL; `database: 'mariadb'` gives it a database of its own. */
  static async start(env: Record<string, string> = {}, deps?: ActivityDeps, database?: 'sqlite' | 'mariadb'): Promise<ActivityClient> {
    return new ActivityClient(await SubgraphHarness.start(activity, { env, deps, database }));
  }

  get runtime(): ActivityRuntime {
    return this.harness.runtime;
  }

  get signer(): TokenSigner {
    return this.harness.runtime.signer;
  }

  headers(as: Caller | null) {
    return this.harness.headers(as);
  }

  run<T = any>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> {
    return this.harness.exec<T>(query, variables, as);
  }

  /** Like `run`, but fails the test on any error and answers `data`. */
  ok<T = any>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.harness.data<T>(query, variables, as);
  }

  subscribe(as: Caller | null, query: string) {
    return this.harness.subscribe(query, as);
  }

  send(as: Caller, input: Record<string, unknown>) {
    return this.ok<{ sendNotification: { id: string } }>(as, SEND, { input });
  }

  close() {
    return this.harness.close();
  }
}

export const SEND = /* GraphQL */ `
  mutation Send($input: SendNotificationInput!) {
    sendNotification(input: $input) { id title body category read recipient { id } }
  }
`;

export const RECEIVED = /* GraphQL */ `
  subscription { notificationReceived { id title category read tenantId createdAt recipient { id } } }
`;

export const codeOf = (result: ExecutionResult) => result.errors?.[0]?.extensions?.code;

/**
 * The next event of a subscription, or a failure after `ms` (an event may never arrive). The promise is marked
 * handled at once, so a test that fails before awaiting it reports its own error, not an unhandled rejection.
 */
export function nextEvent<T>(iterator: AsyncIterator<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms);
  });
  const event = Promise.race([iterator.next(), timeout]).then((next) => {
    if (next.done) throw new Error('subscription ended');
    return next.value;
  });
  event.catch(() => undefined).finally(() => clearTimeout(timer));
  return event;
}

export function asIterator<T>(result: AsyncIterableIterator<T> | ExecutionResult): AsyncIterableIterator<T> {
  if (!(Symbol.asyncIterator in result)) throw new Error(`subscribe failed: ${JSON.stringify(result.errors)}`);
  return result;
}
