import type { EntityManager } from '@mikro-orm/core';
import { Decimal, forkForTenant, type Caller, type TokenSigner } from '@platform/kit';
import { CCO_ROLES } from '@platform/testkit';
import { CollectionCase, Collector, Ptp, Repayment } from '@platform/collections';
import { call, ccoAdminToken } from './contract';
import type { FileTestPlatform } from './platform';

/** The collector app's work on cases, set up as the admin console would: an agency, two teams, their people, cases. */
export interface ImWorkWorld {
  tenantId: number;
  admin: string;
  /** 王小明 (team 1), 李小红 (team 1), 张伟 (team 2): signed in to the app through its login route. */
  a: { token: string; collectorId: number; userId: string };
  b: { token: string; collectorId: number; userId: string };
  c: { token: string; collectorId: number; userId: string };
  /** Team 1's leader. */
  leader: string;
  teamIds: [number, number];
  agencyId: number;
  em: () => EntityManager;
}

const PASSWORD = '123456';

function collections(platform: FileTestPlatform): { orm: { em: EntityManager }; signer: TokenSigner } {
  return platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as { orm: { em: EntityManager }; signer: TokenSigner };
}

async function ok(res: { status: number; body: { data?: unknown } }, what: string) {
  if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as Record<string, never>;
}

/** Builds the world once per test file; login ids are made unique with `prefix` (they are platform-wide). */
export async function imWorkWorld(platform: FileTestPlatform, prefix: string): Promise<ImWorkWorld> {
  const app = platform.app;
  const admin = await ccoAdminToken(app, 'tenantadmin', 'admin123');
  const tenantId = Number(JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()).tid);
  const agency = await ok(
    await call(app, 'POST', '/api/v1/agencies', { token: admin, body: { agency_code: `${prefix}_AG`, agency_name: '催收机构1', timezone: 8, agency_type: 'real', is_active: true } }),
    'agency',
  );
  const team = async (code: string) =>
    (await ok(await call(app, 'POST', '/api/v1/teams', { token: admin, body: { agency_id: agency.id, team_code: code, team_name: code, max_case_count: 5000, is_active: true } }), 'team')).id as number;
  const teamIds: [number, number] = [await team(`${prefix}_T1`), await team(`${prefix}_T2`)];
  const person = async (n: string, name: string, teamId: number) => {
    const loginId = `${prefix}_${n}`.toLowerCase();
    const created = await ok(
      await call(app, 'POST', '/api/v1/collectors', {
        token: admin,
        body: { agency_id: agency.id, team_id: teamId, collector_code: `${prefix}_${n}`, collector_name: name, login_id: loginId, password: PASSWORD, mobile: '+63-917-123-4567', max_case_count: 150, status: 'active', is_active: true },
      }),
      'collector',
    );
    const login = await ok(await call(app, 'POST', '/api/v1/im/auth/login', { body: { loginId, password: PASSWORD, device_id: `DEV_${n}` } }), 'login');
    const token = login.token as string;
    const userId = String(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub);
    return { token, collectorId: created.id as number, userId };
  };
  const a = await person('A', '王小明', teamIds[0]);
  const b = await person('B', '李小红', teamIds[0]);
  const c = await person('C', '张伟', teamIds[1]);

  // Team 1's leader: an identity account with the TeamLeader role and a staff profile leading the team.
  const created = await platform.platform.router.executor.execute({
    query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id tenantId } }',
    variables: { i: { username: `${prefix}_leader`.toLowerCase(), password: 'secret123', roleCode: 'TeamLeader' } },
    headers: { authorization: `Bearer ${admin}` },
  });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const user = (created.data as { createUser: { id: string; tenantId: string } }).createUser;
  const em = () => forkForTenant(collections(platform).orm.em, null);
  const e = em();
  e.create(Collector, { tenantId, userId: user.id, agencyId: agency.id, teamId: teamIds[0], collectorCode: `${prefix}_TL`, collectorName: '组长', position: 'team_leader', maxCaseCount: 150 });
  await e.flush();
  const caller: Caller = CCO_ROLES.TeamLeader({ tenantId: user.tenantId, userId: user.id, username: `${prefix}_leader` });
  const leader = collections(platform).signer.signAccess(caller, 3600);
  return { tenantId, admin, a, b, c, leader, teamIds, agencyId: agency.id, em };
}

let seq = 0;

/** A case assigned to a collector of the world (`who`), outstanding 4000.00 of a 5000.00 loan. */
export async function caseOf(world: ImWorkWorld, who: ImWorkWorld['a'], over: Partial<CollectionCase> = {}): Promise<CollectionCase> {
  const e = world.em();
  const profile = await e.findOneOrFail(Collector, { id: who.collectorId });
  const code = `IMW_${String(++seq).padStart(4, '0')}_${who.collectorId}`;
  const row = e.create(CollectionCase, {
    tenantId: world.tenantId,
    caseCode: code,
    customerId: `U_${code}`,
    userName: '陈大明',
    mobile: '+639171111111',
    loanAmount: new Decimal(5000),
    repaidAmount: new Decimal(1000),
    dueDate: '2025-10-01',
    outstandingAmount: new Decimal(4000),
    outstandingPrincipal: new Decimal(4000),
    overdueDays: 15,
    caseStatus: 'pending_repayment',
    collectorId: profile.id,
    agencyId: profile.agencyId,
    teamId: profile.teamId ?? null,
    ...over,
  });
  await e.flush();
  return row;
}

export const ptpsOf = (world: ImWorkWorld, caseId: number) => world.em().find(Ptp, { caseId }, { orderBy: { id: 'asc' } });
export const repaymentsOf = (world: ImWorkWorld, caseId: number) => world.em().find(Repayment, { caseId }, { orderBy: { id: 'asc' } });
export const caseRow = (world: ImWorkWorld, id: number) => world.em().findOneOrFail(CollectionCase, { id }, { refresh: true });
