import { createTokenSigner, type Caller, type SubgraphRuntime, type TokenSigner } from '@platform/kit';
import { authHeaders, BASE_ROLES } from '@platform/testkit';
import { graphql, parse, subscribe, type ExecutionResult } from 'graphql';
import { activityConfigSchema, createActivity, type ActivityConfig, type ActivityContext } from '@platform/activity';

export const TENANT = '1';

/** Callers holding the base roles exactly as identity seeds them; ids are identity's integer ids. */
export const callers = {
  superAdmin: BASE_ROLES.SuperAdmin({ tenantId: TENANT, userId: '1' }),
  tenantAdmin: BASE_ROLES.TenantAdmin({ tenantId: TENANT, userId: '2' }),
  admin: BASE_ROLES.admin({ tenantId: TENANT, userId: '3' }),
  alice: BASE_ROLES.user({ tenantId: TENANT, userId: '11', username: 'alice' }),
  bob: BASE_ROLES.user({ tenantId: TENANT, userId: '12', username: 'bob' }),
};

export const testConfig = (env: Record<string, string> = {}): ActivityConfig =>
  activityConfigSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });

/** A client's view of one activity runtime: operations run in-process on its schema, as the router runs them. */
export class ActivityClient {
  readonly signer: TokenSigner;

  constructor(
    readonly runtime: SubgraphRuntime<ActivityContext>,
    config: ActivityConfig,
  ) {
    this.signer = createTokenSigner(config.JWT_SECRET);
  }

  static async start(config = testConfig(), deps?: Parameters<typeof createActivity>[1]): Promise<ActivityClient> {
    return new ActivityClient(await createActivity(config, deps), config);
  }

  headers(as: Caller | null) {
    return authHeaders(this.signer, as);
  }

  async run<T = any>(as: Caller | null, query: string, variables?: Record<string, unknown>) {
    const contextValue = await this.runtime.createContext(this.headers(as));
    return (await graphql({ schema: this.runtime.schema, source: query, variableValues: variables, contextValue })) as ExecutionResult<T>;
  }

  /** Like `run`, but fails the test on any error and answers `data`. */
  async ok<T = any>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.run<T>(as, query, variables);
    if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async subscribe(as: Caller | null, query: string) {
    const contextValue = await this.runtime.createContext(this.headers(as));
    return subscribe({ schema: this.runtime.schema, document: parse(query), contextValue });
  }

  send(as: Caller, input: Record<string, unknown>) {
    return this.ok<{ sendNotification: { id: string } }>(as, SEND, { input });
  }

  close() {
    return this.runtime.close();
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
