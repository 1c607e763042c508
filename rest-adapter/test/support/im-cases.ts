import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant, OutboxEvent, type Caller, type TokenSigner } from '@platform/kit';
import { CCO_ROLES } from '@platform/testkit';
import { Collector } from '@platform/collections';
import { call, ccoAdminToken } from './contract';
import type { FileTestPlatform } from './platform';

/** The collections runtime of the embedded platform: its database (every tenant) and its token signer. */
export function collectionsOf(platform: FileTestPlatform): { em: () => EntityManager; signer: TokenSigner } {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as { orm: { em: EntityManager }; signer: TokenSigner };
  return { em: () => forkForTenant(runtime.orm.em, null), signer: runtime.signer };
}

/** A GraphQL call through the router (for what the REST surface does not show: the providers' outbox). */
export async function graph<T>(platform: FileTestPlatform, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await platform.platform.router.executor.execute({ query, variables, headers: { authorization: `Bearer ${token}` } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

export interface ImWorld {
  admin: string;
  /** Collectors A and B of one team, their team leader, signed in as the app signs them in. */
  a: string;
  b: string;
  leader: string;
  collectorA: number;
  collectorB: number;
  /** case_code → id. */
  ids: Record<string, number>;
}

export const PASSWORD = '123456';

/** One case row of the partner import (§ 2.1); `extra` overrides. */
export const caseRow = (code: string, extra: Record<string, unknown> = {}) => ({
  case_code: code,
  user_id: `USER_${code}`,
  user_name: '陈大明',
  mobile: '+63-917-111-1111',
  id_number: 'ID123456',
  email: 'user001@example.com',
  address: '马尼拉市中心区黎刹大道100号',
  bank_account: '6222021234',
  gender: 'M',
  date_of_birth: '1990-05-15',
  loan_id: `LOAN_${code}`,
  loan_product_name: '快速贷',
  loan_amount: 5000,
  loan_date: '2025-10-01',
  loan_term: 30,
  due_date: '2025-11-05',
  interest_rate: 0.15,
  repaid_amount: 1000,
  outstanding_principal: 4000,
  outstanding_interest: 500,
  outstanding_penalty: 200,
  outstanding_amount: 4700,
  overdue_days: 15,
  case_priority: 'high',
  case_tags: ['首逾', '高优先级'],
  ...extra,
});

async function signIn(platform: FileTestPlatform, loginId: string): Promise<string> {
  const res = await call(platform.app, 'POST', '/api/v1/im/auth/login', { body: { loginId, password: PASSWORD, device_id: `DEVICE_${loginId}` } });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body.data.token;
}

/**
 * A tenant's agency and team with collectors A and B and their team leader; `cases` are imported, then each assigned
 * to its collector ('A' or 'B') through the admin console's assign route (so the assignment history is real).
 */
export async function setUpImWorld(platform: FileTestPlatform, prefix: string, cases: Array<{ row: Record<string, unknown>; to: 'A' | 'B' }>): Promise<ImWorld> {
  const admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const agency = await call(platform.app, 'POST', '/api/v1/agencies', {
    token: admin,
    body: { agency_code: `${prefix}_AG`, agency_name: '催收机构1', timezone: 8, agency_type: 'real', is_active: true },
  });
  const team = await call(platform.app, 'POST', '/api/v1/teams', {
    token: admin,
    body: { agency_id: agency.body.data.id, team_code: `${prefix}_T`, team_name: 'M1催收小组', max_case_count: 5000, is_active: true },
  });
  const collector = async (suffix: string, name: string) => {
    const res = await call(platform.app, 'POST', '/api/v1/collectors', {
      token: admin,
      body: {
        agency_id: agency.body.data.id,
        team_id: team.body.data.id,
        collector_code: `${prefix}_${suffix}`,
        collector_name: name,
        login_id: `${prefix.toLowerCase()}_${suffix.toLowerCase()}`,
        password: PASSWORD,
        mobile: '+63-917-123-4567',
        email: `${prefix.toLowerCase()}_${suffix.toLowerCase()}@example.com`,
        max_case_count: 150,
        status: 'active',
        is_active: true,
      },
    });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body.data.id as number;
  };
  const collectorA = await collector('A', '王小明');
  const collectorB = await collector('B', '李小红');

  // The team leader: an identity account with the TeamLeader role and a staff profile leading the team.
  const created = await graph<{ createUser: { id: string; tenantId: string } }>(
    platform,
    admin,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id tenantId } }',
    { i: { username: `${prefix.toLowerCase()}_leader`, password: 'secret123', roleCode: 'TeamLeader' } },
  );
  const em = collectionsOf(platform).em();
  const a = await em.findOneOrFail(Collector, { id: collectorA });
  em.create(Collector, {
    tenantId: a.tenantId,
    userId: created.createUser.id,
    agencyId: a.agencyId,
    teamId: a.teamId,
    collectorCode: `${prefix}_TL`,
    collectorName: '组长',
    position: 'team_leader',
    maxCaseCount: 150,
  });
  await em.flush();
  const caller: Caller = CCO_ROLES.TeamLeader({ tenantId: created.createUser.tenantId, userId: created.createUser.id, username: `${prefix.toLowerCase()}_leader` });
  const leader = collectionsOf(platform).signer.signAccess(caller, 3600);

  const imported = await call(platform.app, 'POST', '/api/v1/cases/import', { token: admin, body: { cases: cases.map((c) => c.row) } });
  if (imported.body.data?.failed !== 0) throw new Error(JSON.stringify(imported.body));
  const ids: Record<string, number> = {};
  for (const { row, to } of cases) {
    const code = String(row.case_code);
    const found = await call(platform.app, 'GET', `/api/v1/cases?search=${code}`, { token: admin });
    ids[code] = found.body.data.items.find((i: { case_code: string }) => i.case_code === code).id;
    const assigned = await call(platform.app, 'POST', `/api/v1/cases/${ids[code]}/assign`, { token: admin, body: { collector_id: to === 'A' ? collectorA : collectorB } });
    if (assigned.status !== 200) throw new Error(JSON.stringify(assigned.body));
  }
  return {
    admin,
    a: await signIn(platform, `${prefix.toLowerCase()}_a`),
    b: await signIn(platform, `${prefix.toLowerCase()}_b`),
    leader,
    collectorA,
    collectorB,
    ids,
  };
}

/** What the local contact providers were asked to send for a case (newest first), as an operator reads it. */
export async function dispatches(platform: FileTestPlatform, admin: string, caseId: number) {
  const data = await graph<{ contactDispatches: Array<{ channel: string; to: string; template: string | null; variables: string; providerRef: string; status: string; reference: string }> }>(
    platform,
    admin,
    'query($c: ID) { contactDispatches(caseId: $c) { channel to template variables providerRef status reference } }',
    { c: String(caseId) },
  );
  return data.contactDispatches;
}

/** The events collections recorded under `topic` (its outbox), oldest first. */
export function recordedEvents(platform: FileTestPlatform, topic: string): Promise<OutboxEvent[]> {
  return collectionsOf(platform).em().find(OutboxEvent, { topic }, { orderBy: { id: 'asc' } });
}
