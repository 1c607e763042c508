import { randomUUID } from 'node:crypto';
import {
  createTokenSigner,
  ForeignRef,
  InProcessBus,
  type BusEvent,
  type Caller,
  type EventBus,
  type SubgraphRuntime,
  type TokenSigner,
} from '@platform/kit';
import { authHeaders, BASE_ROLES } from '@platform/testkit';
import { graphql, parse, subscribe, type ExecutionResult } from 'graphql';
import {
  activityConfigSchema,
  createActivity,
  type ActivityConfig,
  type ActivityContext,
  type ActivityDeps,
} from '@platform/activity';

export const TENANT = '1';

/** Callers holding the base roles exactly as identity seeds them; ids are identity's integer ids. */
export const callers = {
  superAdmin: BASE_ROLES.SuperAdmin({ tenantId: TENANT, userId: '1' }),
  tenantAdmin: BASE_ROLES.TenantAdmin({ tenantId: TENANT, userId: '2' }),
  admin: BASE_ROLES.admin({ tenantId: TENANT, userId: '3' }),
  alice: BASE_ROLES.user({ tenantId: TENANT, userId: '11', username: 'alice' }),
  bob: BASE_ROLES.user({ tenantId: TENANT, userId: '12', username: 'bob' }),
};

/** A user of another tenant, as identity announces it (activity only learns users from identity's events). */
export const OTHER_TENANT = '2';
export const outsider = BASE_ROLES.user({ tenantId: OTHER_TENANT, userId: '21', username: 'olga' });

/** identity's `user.created` event for an account. */
export const userCreated = (user: Caller): BusEvent => ({
  id: randomUUID(),
  topic: 'user.created',
  tenantId: user.tenantId,
  aggregateId: user.userId,
  payload: { userId: Number(user.userId), username: user.username },
  occurredAt: new Date().toISOString(),
});

export const testConfig = (env: Record<string, string> = {}): ActivityConfig =>
  activityConfigSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });

/** A client's view of one activity runtime: operations run in-process on its schema, as the router runs them. */
export class ActivityClient {
  readonly signer: TokenSigner;

  constructor(
    readonly runtime: SubgraphRuntime<ActivityContext>,
    config: ActivityConfig,
    /** Where identity's events reach this runtime. */
    readonly bus: EventBus,
    private readonly ownBus?: InProcessBus,
  ) {
    this.signer = createTokenSigner(config.JWT_SECRET);
  }

  /** A runtime that already knows every user in `callers` and the outsider, as if identity had announced them. */
  static async start(config = testConfig(), deps: ActivityDeps = {}): Promise<ActivityClient> {
    const ownBus = deps.bus ? undefined : new InProcessBus();
    const bus = deps.bus ?? ownBus!;
    const client = new ActivityClient(await createActivity(config, { ...deps, bus }), config, bus, ownBus);
    await client.announce(...Object.values(callers), outsider);
    return client;
  }

  /** Publishes identity's `user.created` for each user and waits until activity's directory holds them. */
  async announce(...users: Caller[]): Promise<void> {
    await this.bus.publish(users.map(userCreated));
    await this.until(users.map((u) => u.userId));
  }

  /** Publishes identity's `user.deleted` for a user and waits until activity no longer accepts it. */
  async announceDeleted(user: Caller): Promise<void> {
    const event = { ...userCreated(user), topic: 'user.deleted', payload: { userId: Number(user.userId) } };
    await this.bus.publish([event]);
    await this.until([user.userId], false);
  }

  private async until(ids: string[], present = true): Promise<void> {
    const { em } = await this.runtime.createContext({});
    for (let i = 0; i < 500; i++) {
      const rows = await em.fork().find(ForeignRef, { entity: 'User', refId: { $in: ids }, present });
      if (rows.length === ids.length) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`activity did not learn users ${ids.join(', ')}`);
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

  async close() {
    await this.runtime.close();
    await this.ownBus?.close();
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
