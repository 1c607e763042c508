import { randomUUID } from 'node:crypto';
import { ForeignRef, SqlCounter, type BusEvent, type Caller } from '@platform/kit';
import { BASE_ROLES, SubgraphHarness, type UntypedJson } from '@platform/testkit';
import type { ExecutionResult } from 'graphql';
import { KnownUser, leads, type LeadsDeps, type LeadsRuntime } from '@platform/leads';

export const TENANT = '1';
export const OTHER_TENANT = '2';

/** Callers holding the base roles exactly as identity seeds them; ids are identity's integer ids. */
export const callers = {
  admin: BASE_ROLES.admin({ tenantId: TENANT, userId: '3', username: 'admin' }),
  service: BASE_ROLES.service({ tenantId: TENANT, userId: '11', username: 'kefu01' }),
  sales: BASE_ROLES.sales({ tenantId: TENANT, userId: '12', username: 'sales01' }),
  sales2: BASE_ROLES.sales({ tenantId: TENANT, userId: '13', username: 'sales02' }),
  user: BASE_ROLES.user({ tenantId: TENANT, userId: '14', username: 'plain01' }),
};
export const outsider = BASE_ROLES.sales({ tenantId: OTHER_TENANT, userId: '21', username: 'olga' });

const userCreated = (user: Caller): BusEvent => ({
  id: randomUUID(),
  topic: 'user.created',
  tenantId: user.tenantId,
  aggregateId: user.userId,
  // As identity announces an account: its role codes included (a lead's follower must hold `sales`).
  payload: { userId: Number(user.userId), username: user.username, roles: user.roles, status: 'active' },
  occurredAt: new Date().toISOString(),
});

/** Test defaults: no daily poll (tests run the check themselves), mail into a temporary outbox. */
export const TEST_ENV = { REMINDER_POLL_SECONDS: '0', MAIL_OUTBOX_DIR: `/tmp/leads-outbox-${process.pid}` };

/** One leads runtime, called in-process as the router calls it; it knows every user above, as identity announced them. */
export class LeadsClient {
  private constructor(
    private readonly harness: SubgraphHarness<LeadsRuntime>,
    readonly sql: SqlCounter,
  ) {}

  static async start(env: Record<string, string> = {}, deps: LeadsDeps = {}, database?: 'sqlite' | 'mariadb'): Promise<LeadsClient> {
    const sql = deps.sqlCounter ?? new SqlCounter();
    const harness = await SubgraphHarness.start(leads, { env: { ...TEST_ENV, ...env }, deps: { ...deps, sqlCounter: sql }, database });
    const client = new LeadsClient(harness, sql);
    await client.announce(...Object.values(callers), outsider);
    return client;
  }

  get runtime(): LeadsRuntime {
    return this.harness.runtime;
  }

  /** Fixes the runtime's clock (reminders, statistics and timestamps read it). */
  setNow(iso: string): void {
    this.runtime.services.clock.now = () => new Date(iso);
  }

  async announce(...users: Caller[]): Promise<void> {
    await this.runtime.bus.publish(users.map(userCreated));
    const ids = users.map((u) => u.userId);
    for (let i = 0; i < 500; i++) {
      const em = this.runtime.orm.em.fork();
      const rows = await em.find(ForeignRef, { entity: 'User', refId: { $in: ids }, present: true });
      const known = await em.count(KnownUser, { userId: { $in: ids } });
      if (rows.length === ids.length && known === ids.length) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`leads did not learn users ${ids.join(', ')}`);
  }

  run<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> {
    return this.harness.exec<T>(query, variables, as);
  }

  ok<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.harness.data<T>(query, variables, as);
  }

  /** Creates a lead as `as` assigned to `followerId`; answers its id. */
  async createLead(as: Caller, input: Record<string, unknown> = {}): Promise<string> {
    const data = await this.ok<{ createLead: { lead: { id: string } } }>(as, CREATE, {
      input: { customerNickname: '张三', intentionLevel: '高', followerId: callers.sales.userId, followUpContent: '首次联系', ...input },
    });
    return data.createLead.lead.id;
  }

  close() {
    return this.harness.close();
  }
}

export const CREATE = /* GraphQL */ `
  mutation Create($input: CreateLeadInput!) {
    createLead(input: $input) { lead { id needFollowup registrantId followerId } followUp { id content } }
  }
`;

export { codeOf } from '@platform/testkit';
export const fieldOf = (result: ExecutionResult) => (result.errors?.[0]?.extensions as { field?: string } | undefined)?.field;
