import { randomUUID } from 'node:crypto';
import type { BusEvent, Caller, EventBus } from '@platform/kit';
import { BASE_ROLES, SubgraphHarness, type UntypedJson } from '@platform/testkit';
import type { ExecutionResult } from 'graphql';
import { DirectoryUser, worklogs, type WorklogsDeps, type WorklogsRuntime } from '@platform/worklogs';

export const TENANT = '1';
export const OTHER_TENANT = '2';

/** The org the tests share: mia's position (100) is the parent of alice's and bob's (101); carl's (102) is not. */
export const POSITIONS = {
  lead: { id: 100, tenantId: TENANT, parentId: null },
  developer: { id: 101, tenantId: TENANT, parentId: 100 },
  support: { id: 102, tenantId: TENANT, parentId: null },
  elsewhere: { id: 200, tenantId: OTHER_TENANT, parentId: null },
} as const;

const user = (userId: string, username: string) => BASE_ROLES.user({ tenantId: TENANT, userId, username });

/** Callers holding the base roles exactly as identity seeds them; ids are identity's integer ids. */
export const callers = {
  superAdmin: BASE_ROLES.SuperAdmin({ tenantId: TENANT, userId: '1', username: 'superadmin' }),
  admin: BASE_ROLES.admin({ tenantId: TENANT, userId: '3', username: 'admin' }),
  /** The supervisor: holds the lead position, and no worklogs:rate. */
  mia: user('31', 'mia'),
  alice: user('11', 'alice'),
  bob: user('12', 'bob'),
  carl: user('13', 'carl'),
  /** Another tenant's employee. */
  olga: BASE_ROLES.user({ tenantId: OTHER_TENANT, userId: '21', username: 'olga' }),
};

/** Where each caller sits, and the name identity announces for them. */
const PLACES: Record<string, { positionId: number | null; fullName: string }> = {
  '1': { positionId: null, fullName: 'Super Admin' },
  '3': { positionId: null, fullName: '系统管理员' },
  '31': { positionId: POSITIONS.lead.id, fullName: '主管 Mia' },
  '11': { positionId: POSITIONS.developer.id, fullName: '员工 Alice' },
  '12': { positionId: POSITIONS.developer.id, fullName: '员工 Bob' },
  '13': { positionId: POSITIONS.support.id, fullName: '客服 Carl' },
  '21': { positionId: POSITIONS.elsewhere.id, fullName: 'Olga' },
};

const event = (topic: string, tenantId: string | null, aggregateId: string, payload: unknown): BusEvent => ({
  id: randomUUID(),
  topic,
  tenantId,
  aggregateId,
  payload,
  occurredAt: new Date().toISOString(),
});

/** identity's `user.created` / `user.updated` for an account. */
export const userEvent = (u: Caller, topic = 'user.created', place = PLACES[u.userId]): BusEvent =>
  event(topic, u.tenantId, u.userId, {
    userId: Number(u.userId),
    username: u.username,
    fullName: place?.fullName ?? null,
    positionId: place?.positionId ?? null,
  });

/** identity's `position.changed`. */
export const positionEvent = (p: { id: number; tenantId: string; parentId: number | null }, deleted = false): BusEvent =>
  event('position.changed', p.tenantId, String(p.id), { positionId: p.id, parentId: p.parentId, deleted });

/** A client's view of one worklogs runtime: operations run in-process on its schema, as the router runs them. */
export class WorklogsClient {
  private constructor(private readonly harness: SubgraphHarness<WorklogsRuntime>) {}

  /** The runtime already knows the org above, as if identity had announced it. */
  static async start(deps?: WorklogsDeps, database?: 'sqlite' | 'mariadb'): Promise<WorklogsClient> {
    const client = new WorklogsClient(await SubgraphHarness.start(worklogs, { deps, database }));
    await client.bus.publish(Object.values(POSITIONS).map((p) => positionEvent(p)));
    await client.announce(...Object.values(callers).map((c) => userEvent(c)));
    return client;
  }

  get runtime(): WorklogsRuntime {
    return this.harness.runtime;
  }

  get bus(): EventBus {
    return this.harness.runtime.bus;
  }

  /** Publishes identity's events and waits until the projection holds the users as they say. */
  async announce(...events: BusEvent[]): Promise<void> {
    await this.bus.publish(events);
    const em = this.runtime.orm.em.fork();
    const users = events.filter((e) => e.topic.startsWith('user.'));
    for (let i = 0; i < 500; i++) {
      const rows = await em.fork().find(DirectoryUser, { id: { $in: users.map((e) => Number(e.aggregateId)) } });
      const applied = users.every((e) => {
        const row = rows.find((r) => String(r.id) === e.aggregateId);
        const positionId = (e.payload as { positionId?: number | null }).positionId ?? null;
        return row && row.present === (e.topic !== 'user.deleted') && (e.topic === 'user.deleted' || row.positionId === positionId);
      });
      if (applied) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('worklogs did not learn the users');
  }

  run<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> {
    return this.harness.exec<T>(query, variables, as);
  }

  /** Like `run`, but fails the test on any error and answers `data`. */
  ok<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.harness.data<T>(query, variables, as);
  }

  /** Writes a log as `as` and answers its id. */
  async create(as: Caller, input: Record<string, unknown>): Promise<string> {
    return (await this.ok<{ createWorkLog: { id: string } }>(as, CREATE, { input })).createWorkLog.id;
  }

  close() {
    return this.harness.close();
  }
}

export const LOG_FIELDS = `id employeeId logDate workContent completionStatus problemsEncountered tomorrowPlan selfRating
  supervisorRating supervisorComment supervisorId ratedAt createdAt updatedAt employee { id } supervisor { id }`;

export const CREATE = `mutation($input: CreateWorkLogInput!) { createWorkLog(input: $input) { ${LOG_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateWorkLogInput!) { updateWorkLog(id: $id, input: $input) { ${LOG_FIELDS} } }`;
export const RATE = `mutation($id: ID!, $input: RateWorkLogInput!) { rateWorkLog(id: $id, input: $input) { ${LOG_FIELDS} } }`;
export const DETAIL = `query($id: ID!) { workLog(id: $id) { ${LOG_FIELDS} } }`;
export const LIST = `query($filter: WorkLogFilterInput, $page: Int, $pageSize: Int) {
  workLogs(filter: $filter, page: $page, pageSize: $pageSize) { items { id employeeId logDate completionStatus } total page pageSize pages } }`;
export const EXPORT = `query($filter: WorkLogFilterInput, $afterId: ID, $first: Int) {
  workLogExportPage(filter: $filter, afterId: $afterId, first: $first) { total items { id employeeId logDate } } }`;

export { codeOf } from '@platform/testkit';

/** `YYYY-MM-DD`, `days` before today (UTC). */
export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
