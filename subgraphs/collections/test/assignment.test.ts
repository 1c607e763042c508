import type { BusEvent } from '@platform/kit';
import { until } from '@platform/testkit';
import { CaseAssignment } from '@platform/collections';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';
import { caseRow, collectorRow, makeCases, setCollectors } from './support/assignment-fixtures';

let client: CollectionsClient;
let org: OrgFixture;
const seen: BusEvent[] = [];
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  await client.runtime.bus.subscribe('assignment-test', ['case.assigned', 'notification.requested'], async (e) => void seen.push(e));
}, 30_000); // starting the subgraph on a loaded machine can take more than jest's 5 s
afterAll(() => client.close());

const ASSIGN = `mutation ($caseId: ID!, $collectorId: ID!, $reason: String) {
  assignCase(caseId: $caseId, input: { collectorId: $collectorId, reason: $reason }) { caseId caseCode collectorId collectorName assignedAt tenant { id } }
}`;
const TRANSFER = `mutation ($caseId: ID!, $from: ID!, $to: ID!, $reason: String) {
  transferCase(caseId: $caseId, input: { fromCollectorId: $from, toCollectorId: $to, reason: $reason }) { caseId collectorId collectorName }
}`;
const HISTORY = `query ($caseId: ID!) {
  caseAssignments(caseId: $caseId) { total items { kind fromCollectorId toCollectorId reason assignedBy strategy } }
}`;
type Who = keyof OrgFixture['callers'];
const assign = (who: Who, caseId: number, collectorId: number | string, reason?: string) =>
  client.run(org.callers[who], ASSIGN, { caseId: String(caseId), collectorId: String(collectorId), reason });
const history = (caseId: number) => client.em(null).find(CaseAssignment, { caseId }, { orderBy: [{ assignedAt: 'asc' }, { id: 'asc' }] });

describe('assignCase (CCO admin § 8.4)', () => {
  it('assigns: answers the documented fields, moves the case into the collector’s team, counts and history', async () => {
    const [kase] = await makeCases(client, 1, { queueId: org.queues.M1.id });
    const res = await client.ok<{ assignCase: Record<string, unknown> }>(org.callers.tenantAdmin, ASSIGN, {
      caseId: String(kase.id),
      collectorId: String(org.collectors.c1.id),
      reason: '手动分配',
    });
    expect(res.assignCase).toEqual({
      caseId: String(kase.id),
      caseCode: kase.caseCode,
      collectorId: String(org.collectors.c1.id),
      collectorName: '王小明',
      assignedAt: expect.any(String),
      tenant: { id: '1' },
    });
    const row = await caseRow(client, kase.id);
    expect(row).toMatchObject({
      collectorId: org.collectors.c1.id,
      teamId: org.teams.T1.id,
      teamGroupId: org.groups.G1.id,
      agencyId: org.agencies.A1.id,
    });
    expect(row.assignedAt?.toISOString()).toBe(res.assignCase.assignedAt);
    expect((await collectorRow(client, org.collectors.c1.id)).currentCaseCount).toBe(1);
    expect(await history(kase.id)).toEqual([
      expect.objectContaining({ kind: 'manual', fromCollectorId: null, toCollectorId: org.collectors.c1.id, reason: '手动分配', assignedBy: '2' }),
    ]);
  });

  it('reassigning moves the count from the previous holder to the new one', async () => {
    const [kase] = await makeCases(client, 1);
    const before = (await collectorRow(client, org.collectors.c1.id)).currentCaseCount;
    expect((await assign('tenantAdmin', kase.id, org.collectors.c1.id)).errors).toBeUndefined();
    expect((await assign('tenantAdmin', kase.id, org.collectors.c3.id)).errors).toBeUndefined();
    expect((await collectorRow(client, org.collectors.c1.id)).currentCaseCount).toBe(before);
    expect((await collectorRow(client, org.collectors.c3.id)).currentCaseCount).toBe(1);
    expect((await caseRow(client, kase.id))).toMatchObject({ collectorId: org.collectors.c3.id, teamId: org.teams.T2.id, teamGroupId: null });
    expect((await history(kase.id)).map((h) => [h.kind, h.fromCollectorId, h.toCollectorId])).toEqual([
      ['manual', null, org.collectors.c1.id],
      ['manual', org.collectors.c1.id, org.collectors.c3.id],
    ]);
  });

  it('records case.assigned with a notice and the caseAssigned live event for the collector', async () => {
    const [kase] = await makeCases(client, 1, { userName: '李小红', overdueDays: 21, agencyId: org.agencies.A1.id, teamId: org.teams.T1.id });
    const res = await assign('teamLeader', kase.id, org.collectors.c2.id);
    expect(res.errors).toBeUndefined();
    const mine = (topic: string) => seen.filter((e) => e.topic === topic && e.aggregateId === String(kase.id));
    await until(() => mine('case.assigned').length === 1 && mine('notification.requested').length === 1);
    const domain = mine('case.assigned')[0];
    expect(domain.tenantId).toBe('1');
    expect(domain.payload).toEqual({
      kind: 'manual',
      caseId: kase.id,
      caseCode: kase.caseCode,
      collectorId: org.collectors.c2.id,
      collectorUserId: org.collectors.c2.userId,
      previousCollectorId: null,
      teamId: org.teams.T1.id,
      agencyId: org.agencies.A1.id,
      assignedAt: expect.any(String),
      assignedBy: org.callers.teamLeader.userId,
    });
    const notice = mine('notification.requested')[0];
    expect(notice.payload).toMatchObject({
      recipients: { userIds: [org.collectors.c2.userId] },
      template: 'case.assigned',
      params: { case_id: kase.id, case_code: kase.caseCode, debtor_name: '李*红', overdue_days: 21 },
      live: {
        kind: 'caseAssigned',
        data: {
          caseId: kase.id,
          caseCode: kase.caseCode,
          debtorName: '李*红',
          overdueDays: 21,
          assignedAt: (domain.payload as { assignedAt: string }).assignedAt,
          assignedBy: org.callers.teamLeader.username,
        },
      },
      cause: 'case.assigned',
    });
  });

  it('refuses closed and settled cases, inactive, full or non-collector profiles (400 naming the field), changing nothing', async () => {
    const [closed] = await makeCases(client, 1, { caseStatus: 'closed' });
    const [settled] = await makeCases(client, 1, { caseStatus: 'settled' });
    const [open] = await makeCases(client, 1);
    for (const k of [closed, settled]) {
      const res = await assign('tenantAdmin', k.id, org.collectors.c1.id);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'caseId']);
    }
    const c4 = org.collectors.c4;
    await setCollectors(client, [[c4, { status: 'on_leave' }]]);
    expect(fieldOf(await assign('tenantAdmin', open.id, c4.id))).toBe('collectorId');
    await setCollectors(client, [[c4, { status: 'active', isActive: false }]]);
    expect(fieldOf(await assign('tenantAdmin', open.id, c4.id))).toBe('collectorId');
    await setCollectors(client, [[c4, { isActive: true, maxCaseCount: 0 }]]);
    const full = await assign('tenantAdmin', open.id, c4.id);
    expect([codeOf(full), fieldOf(full)]).toEqual(['BAD_USER_INPUT', 'collectorId']);
    await setCollectors(client, [[c4, { maxCaseCount: 150 }]]);
    expect(fieldOf(await assign('tenantAdmin', open.id, org.staff.teamLeader.id))).toBe('collectorId');
    expect(fieldOf(await assign('tenantAdmin', open.id, 'abc'))).toBeDefined();
    expect((await caseRow(client, open.id)).collectorId).toBeNull();
    expect(await history(open.id)).toEqual([]);
    expect((await collectorRow(client, c4.id)).currentCaseCount).toBe(0);
  });

  it('keeps to the caller’s scope and tenant', async () => {
    const [inT1] = await makeCases(client, 1, { agencyId: org.agencies.A1.id, teamId: org.teams.T1.id });
    const [unrouted] = await makeCases(client, 1);
    const [inT2] = await makeCases(client, 1, { agencyId: org.agencies.A1.id, teamId: org.teams.T2.id });
    const [theirs] = await makeCases(client, 1, { tenantId: 2, queueId: null });
    // a team leader: only their team's collectors, and cases routed to their team (an unrouted case is not theirs)
    expect(codeOf(await assign('teamLeader', inT1.id, org.collectors.c3.id))).toBe('FORBIDDEN');
    expect(codeOf(await assign('teamLeader', inT2.id, org.collectors.c1.id))).toBe('FORBIDDEN');
    expect(codeOf(await assign('teamLeader', unrouted.id, org.collectors.c1.id))).toBe('FORBIDDEN');
    // an agency admin: not another agency's collector
    expect(codeOf(await assign('agencyAdmin', inT1.id, org.collectors.c4.id))).toBe('FORBIDDEN');
    // another tenant's collector is not found; another tenant's case is not yours to write
    expect(codeOf(await assign('tenantAdmin', inT1.id, org.collectors.x1.id))).toBe('NOT_FOUND');
    expect(codeOf(await assign('otherTenantAdmin', inT1.id, org.collectors.x1.id))).toBe('FORBIDDEN');
    expect(codeOf(await assign('tenantAdmin', theirs.id, org.collectors.c1.id))).toBe('FORBIDDEN');
    expect(codeOf(await assign('tenantAdmin', 999999, org.collectors.c1.id))).toBe('NOT_FOUND');
    // the platform admin reaches every tenant, but a case only goes to a collector of its own tenant
    expect(codeOf(await assign('superAdmin', theirs.id, org.collectors.c1.id))).toBe('NOT_FOUND');
    expect((await assign('superAdmin', theirs.id, org.collectors.x1.id)).errors).toBeUndefined();
    for (const k of [inT1, inT2, unrouted]) expect((await caseRow(client, k.id)).collectorId).toBeNull();
  });
});

describe('transferCase (CCO admin § 8.6)', () => {
  it('moves the case from its holder; the history reads back in order; a wrong holder is refused', async () => {
    const [kase] = await makeCases(client, 1);
    expect((await assign('tenantAdmin', kase.id, org.collectors.c1.id)).errors).toBeUndefined();
    const counts = async () => [
      (await collectorRow(client, org.collectors.c1.id)).currentCaseCount,
      (await collectorRow(client, org.collectors.c2.id)).currentCaseCount,
    ];
    const before = await counts();
    const transfer = (from: number, to: number, who: Who = 'spv') =>
      client.run(org.callers[who], TRANSFER, { caseId: String(kase.id), from: String(from), to: String(to), reason: '催员离职' });

    const wrong = await transfer(org.collectors.c2.id, org.collectors.c1.id);
    expect([codeOf(wrong), fieldOf(wrong)]).toEqual(['CONFLICT', 'fromCollectorId']);
    const same = await transfer(org.collectors.c1.id, org.collectors.c1.id);
    expect([codeOf(same), fieldOf(same)]).toEqual(['BAD_USER_INPUT', 'toCollectorId']);
    expect(await counts()).toEqual(before);

    const res = await transfer(org.collectors.c1.id, org.collectors.c2.id);
    expect(res.data?.transferCase).toEqual({ caseId: String(kase.id), collectorId: String(org.collectors.c2.id), collectorName: '李小红' });
    expect(await counts()).toEqual([before[0] - 1, before[1] + 1]);
    expect((await transfer(org.collectors.c2.id, org.collectors.c1.id, 'tenantAdmin')).errors).toBeUndefined();

    const read = await client.ok<{ caseAssignments: { total: number; items: unknown[] } }>(org.callers.teamLeader, HISTORY, { caseId: String(kase.id) });
    expect(read.caseAssignments).toEqual({
      total: 3,
      items: [
        { kind: 'manual', fromCollectorId: null, toCollectorId: String(org.collectors.c1.id), reason: null, assignedBy: '2', strategy: null },
        { kind: 'transfer', fromCollectorId: String(org.collectors.c1.id), toCollectorId: String(org.collectors.c2.id), reason: '催员离职', assignedBy: org.callers.spv.userId, strategy: null },
        { kind: 'transfer', fromCollectorId: String(org.collectors.c2.id), toCollectorId: String(org.collectors.c1.id), reason: '催员离职', assignedBy: '2', strategy: null },
      ],
    });
    // out of reach: another tenant reads no history of it
    expect(codeOf(await client.run(org.callers.otherTenantAdmin, HISTORY, { caseId: String(kase.id) }))).toBe('NOT_FOUND');
  });
});
