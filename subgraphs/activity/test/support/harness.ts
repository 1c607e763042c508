import { randomUUID } from 'node:crypto';
import { ForeignRef, type BusEvent, type Caller, type EventBus, type TokenSigner } from '@platform/kit';
import { BASE_ROLES, SubgraphHarness } from '@platform/testkit';
import type { ExecutionResult } from 'graphql';
import { activity, type ActivityDeps, type ActivityRuntime } from '@platform/activity';
import type { UntypedJson } from '@platform/testkit';

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

/** A client's view of one activity runtime: operations run in-process on its schema, as the router runs them. */
export class ActivityClient {
  private constructor(private readonly harness: SubgraphHarness<ActivityRuntime>) {}

  /**
   * On SQLite :memory: unless `env` names a DATABASE_URL; `database: 'mariadb'` gives it a database of its own.
   * The runtime already knows every user in `callers` and the outsider, as if identity had announced them.
   */
  static async start(env: Record<string, string> = {}, deps?: ActivityDeps, database?: 'sqlite' | 'mariadb'): Promise<ActivityClient> {
    const client = new ActivityClient(await SubgraphHarness.start(activity, { env, deps, database }));
    await client.announce(...Object.values(callers), outsider);
    return client;
  }

  get runtime(): ActivityRuntime {
    return this.harness.runtime;
  }

  get signer(): TokenSigner {
    return this.harness.runtime.signer;
  }

  /** Where identity's events reach this runtime. */
  get bus(): EventBus {
    return this.harness.runtime.bus;
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
    const em = this.runtime.orm.em.fork();
    for (let i = 0; i < 500; i++) {
      const rows = await em.fork().find(ForeignRef, { entity: 'User', refId: { $in: ids }, present });
      if (rows.length === ids.length) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`activity did not learn users ${ids.join(', ')}`);
  }

  headers(as: Caller | null) {
    return this.harness.headers(as);
  }

  run<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> {
    return this.harness.exec<T>(query, variables, as);
  }

  /** Like `run`, but fails the test on any error and answers `data`. */
  ok<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<T> {
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

export { asIterator, codeOf, nextEvent } from '@platform/testkit';
