import { randomUUID } from 'node:crypto';
import { forkForTenant, ForeignRef, SqlCounter, type BusEvent, type Caller } from '@platform/kit';
import { BASE_ROLES, CCO_ROLES, SubgraphHarness, type UntypedJson } from '@platform/testkit';
import type { EntityManager } from '@mikro-orm/core';
import type { ExecutionResult } from 'graphql';
import {
  Agency,
  collections,
  Collector,
  Queue,
  Team,
  TeamGroup,
  type CollectionsDeps,
  type CollectionsRuntime,
} from '@platform/collections';

export const TENANT = '1';
export const OTHER_TENANT = '2';

const userCreated = (user: Caller): BusEvent => ({
  id: randomUUID(),
  topic: 'user.created',
  tenantId: user.tenantId,
  aggregateId: user.userId,
  payload: { userId: Number(user.userId), username: user.username, fullName: user.username, roles: user.roles, status: 'active' },
  occurredAt: new Date().toISOString(),
});

/**
 * A small organisation in tenant 1 (and a bit of tenant 2), written straight into collections' tables, with a caller
 * for every CCO role bound to its staff profile:
 *
 *   agency A1 ── group G1 (SPV spv) ── team T1 (leader teamLeader): collectors c1, c2
 *             └─ team T2 (no group): collector c3
 *   agency A2 ── team T3: collector c4
 *   tenant 2: agency X1 ── team X1T: collector x1
 *
 * Queues: M1 (1–30 days), M2 (31–60), M3 (61+). Users' ids are identity-like integers as strings.
 */
export interface OrgFixture {
  agencies: { A1: Agency; A2: Agency; X1: Agency };
  groups: { G1: TeamGroup };
  teams: { T1: Team; T2: Team; T3: Team; X1T: Team };
  collectors: { c1: Collector; c2: Collector; c3: Collector; c4: Collector; x1: Collector };
  staff: { agencyAdmin: Collector; spv: Collector; teamLeader: Collector };
  queues: { M1: Queue; M2: Queue; M3: Queue };
  callers: {
    superAdmin: Caller;
    tenantAdmin: Caller;
    agencyAdmin: Caller;
    spv: Caller;
    teamLeader: Caller;
    c1: Caller;
    c2: Caller;
    c3: Caller;
    c4: Caller;
    otherTenantAdmin: Caller;
    x1: Caller;
  };
}

/** One collections runtime, called in-process as the router calls it. */
export class CollectionsClient {
  private constructor(
    private readonly harness: SubgraphHarness<CollectionsRuntime>,
    readonly sql: SqlCounter,
  ) {}

  static async start(
    env: Record<string, string> = {},
    deps: CollectionsDeps = {},
    database?: 'sqlite' | 'mariadb',
  ): Promise<CollectionsClient> {
    const sql = deps.sqlCounter ?? new SqlCounter();
    const harness = await SubgraphHarness.start(collections, { env, deps: { ...deps, sqlCounter: sql }, database });
    return new CollectionsClient(harness, sql);
  }

  get runtime(): CollectionsRuntime {
    return this.harness.runtime;
  }

  /** An EntityManager of one tenant (null: every tenant), for arranging rows and reading them back. */
  em(tenantId: string | null = TENANT): EntityManager {
    return forkForTenant(this.runtime.orm.em, tenantId);
  }

  /** Tells collections about identity users, as identity's `user.created` events would, and waits until it knows. */
  async announce(...users: Caller[]): Promise<void> {
    await this.runtime.bus.publish(users.map(userCreated));
    const ids = users.map((u) => u.userId);
    for (let i = 0; i < 500; i++) {
      const rows = await this.runtime.orm.em.fork().find(ForeignRef, { entity: 'User', refId: { $in: ids }, present: true });
      if (rows.length === new Set(ids).size) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`collections did not learn users ${ids.join(', ')}`);
  }

  run<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> {
    return this.harness.exec<T>(query, variables, as);
  }

  ok<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.harness.data<T>(query, variables, as);
  }

  /** Writes the organisation described on OrgFixture and announces its users. */
  async seedOrg(): Promise<OrgFixture> {
    const em = this.em(null);
    const agency = (tenantId: number, code: string) =>
      em.create(Agency, { tenantId, agencyCode: code, agencyName: `机构 ${code}`, agencyNameEn: `Agency ${code}` });
    const agencies = { A1: agency(1, 'A1'), A2: agency(1, 'A2'), X1: agency(2, 'X1') };
    const queue = (code: string, start: number, end: number | null, sortOrder: number) =>
      em.create(Queue, { tenantId: 1, queueCode: code, queueName: `${code}队列`, overdueDaysStart: start, overdueDaysEnd: end, sortOrder });
    const queues = { M1: queue('M1', 1, 30, 1), M2: queue('M2', 31, 60, 2), M3: queue('M3', 61, null, 3) };
    await em.flush();
    const G1 = em.create(TeamGroup, { tenantId: 1, agencyId: agencies.A1.id, groupCode: 'G1', groupName: 'A组群' });
    await em.flush();
    const team = (tenantId: number, agencyId: number, code: string, teamGroupId: number | null, queueId: number | null) =>
      em.create(Team, { tenantId, agencyId, teamCode: code, teamName: `${code}小组`, teamGroupId, queueId, maxCaseCount: 5000 });
    const teams = {
      T1: team(1, agencies.A1.id, 'T1', G1.id, queues.M1.id),
      T2: team(1, agencies.A1.id, 'T2', null, queues.M2.id),
      T3: team(1, agencies.A2.id, 'T3', null, null),
      X1T: team(2, agencies.X1.id, 'X1T', null, null),
    };
    await em.flush();
    let nextUser = 100;
    const profile = (tenantId: number, t: Team | null, agencyId: number, code: string, name: string, position: Collector['position'], teamGroupId?: number) =>
      em.create(Collector, {
        tenantId,
        userId: String(nextUser++),
        agencyId,
        teamId: t?.id ?? null,
        teamGroupId: teamGroupId ?? t?.teamGroupId ?? null,
        collectorCode: code,
        collectorName: name,
        position,
        maxCaseCount: 150,
      });
    const collectors = {
      c1: profile(1, teams.T1, agencies.A1.id, 'COL_001', '王小明', 'collector'),
      c2: profile(1, teams.T1, agencies.A1.id, 'COL_002', '李小红', 'collector'),
      c3: profile(1, teams.T2, agencies.A1.id, 'COL_003', '张小刚', 'collector'),
      c4: profile(1, teams.T3, agencies.A2.id, 'COL_004', '陈小华', 'collector'),
      x1: profile(2, teams.X1T, agencies.X1.id, 'COL_X01', 'Xavier', 'collector'),
    };
    const staff = {
      agencyAdmin: profile(1, null, agencies.A1.id, 'ADM_A1', '机构管理员', 'agency_admin'),
      spv: profile(1, null, agencies.A1.id, 'SPV_G1', '小组群长', 'spv', G1.id),
      teamLeader: profile(1, teams.T1, agencies.A1.id, 'TL_T1', '组长', 'team_leader'),
    };
    await em.flush();
    G1.spvId = staff.spv.id;
    teams.T1.teamLeaderId = staff.teamLeader.id;
    await em.flush();

    const as = (p: Collector) => ({ tenantId: String(p.tenantId), userId: p.userId, username: p.collectorCode.toLowerCase() });
    const callers = {
      superAdmin: BASE_ROLES.SuperAdmin({ tenantId: TENANT, userId: '1', username: 'superadmin' }),
      tenantAdmin: BASE_ROLES.TenantAdmin({ tenantId: TENANT, userId: '2', username: 'tenantadmin' }),
      agencyAdmin: CCO_ROLES.AgencyAdmin(as(staff.agencyAdmin)),
      spv: CCO_ROLES.SPV(as(staff.spv)),
      teamLeader: CCO_ROLES.TeamLeader(as(staff.teamLeader)),
      c1: BASE_ROLES.collector(as(collectors.c1)),
      c2: BASE_ROLES.collector(as(collectors.c2)),
      c3: BASE_ROLES.collector(as(collectors.c3)),
      c4: BASE_ROLES.collector(as(collectors.c4)),
      otherTenantAdmin: BASE_ROLES.TenantAdmin({ tenantId: OTHER_TENANT, userId: '3', username: 'othertenantadmin' }),
      x1: BASE_ROLES.collector(as(collectors.x1)),
    };
    await this.announce(...Object.values(callers).filter((c) => c.tenantId !== null));
    return { agencies, groups: { G1 }, teams, collectors, staff, queues, callers };
  }

  close() {
    return this.harness.close();
  }
}

export { codeOf } from '@platform/testkit';
export const fieldOf = (result: ExecutionResult) => (result.errors?.[0]?.extensions as { field?: string } | undefined)?.field;
