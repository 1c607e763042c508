import { DateTime } from 'luxon';
import { Decimal, type BusEvent } from '@platform/kit';
import { until } from '@platform/testkit';
import { CaseAssignment, CollectionCase, Repayment, type Collector } from '@platform/collections';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';
import { collectorRow, makeCases, makeTeam, setCollectors } from './support/assignment-fixtures';

let client: CollectionsClient;
let org: OrgFixture;
const seen: BusEvent[] = [];
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  await client.runtime.bus.subscribe('auto-assign-test', ['case.assigned', 'notification.requested'], async (e) => void seen.push(e));
}, 30_000); // starting the subgraph on a loaded machine can take more than jest's 5 s
afterAll(() => client.close());

const AUTO = `mutation ($teamId: ID!, $queueId: ID!, $strategy: String!) {
  autoAssignCases(input: { teamId: $teamId, queueId: $queueId, strategy: $strategy }) {
    totalCases assigned failed assignments { collectorId collectorName caseCount }
  }
}`;
type Who = keyof OrgFixture['callers'];
interface Result {
  totalCases: number;
  assigned: number;
  failed: number;
  assignments: Array<{ collectorId: string; collectorName: string; caseCount: number }>;
}
const auto = (teamId: number, queueId: number, strategy: string, who: Who = 'tenantAdmin') =>
  client.run<{ autoAssignCases: Result }>(org.callers[who], AUTO, { teamId: String(teamId), queueId: String(queueId), strategy });
const autoOk = async (teamId: number, queueId: number, strategy: string, who: Who = 'tenantAdmin') => {
  const res = await auto(teamId, queueId, strategy, who);
  expect(res.errors).toBeUndefined();
  return res.data!.autoAssignCases;
};
/** Which collector holds each case, in case id order. */
const holders = async (cases: CollectionCase[]) => {
  const rows = await client.em(null).find(CollectionCase, { id: { $in: cases.map((c) => c.id) } }, { orderBy: { id: 'asc' } });
  return rows.map((r) => r.collectorId ?? null);
};
const share = (c: Collector, caseCount: number) => ({ collectorId: String(c.id), collectorName: c.collectorName, caseCount });

describe('autoAssignCases balanced (CCO admin § 8.5)', () => {
  it('gives each case to the collector with the fewest cases (ties: lower id); counts end at most 1 apart', async () => {
    const { team, queue, collectors } = await makeTeam(client, org, [
      { name: 'A', current: 0 },
      { name: 'B', current: 2 },
      { name: 'C', current: 5 },
      { name: 'on leave', status: 'on_leave' },
      { name: 'disabled', isActive: false },
      { name: 'leader', position: 'team_leader' },
    ]);
    const [a, b, c] = collectors;
    const cases = await makeCases(client, 10, { queueId: queue.id });
    // not candidates: held already, closed, another queue, routed to another agency or team, another tenant
    const [held] = await makeCases(client, 1, { queueId: queue.id, collectorId: org.collectors.c1.id });
    await makeCases(client, 1, { queueId: queue.id, caseStatus: 'closed' });
    await makeCases(client, 1, { queueId: org.queues.M2.id });
    await makeCases(client, 1, { queueId: queue.id, agencyId: org.agencies.A2.id });
    await makeCases(client, 1, { queueId: queue.id, agencyId: org.agencies.A1.id, teamId: org.teams.T2.id });
    await makeCases(client, 1, { tenantId: 2, queueId: queue.id });

    const result = await autoOk(team.id, queue.id, 'balanced');
    expect(result).toEqual({ totalCases: 10, assigned: 10, failed: 0, assignments: [share(a, 6), share(b, 4), share(c, 0)] });
    expect(await holders(cases)).toEqual([a, a, a, b, a, b, a, b, a, b].map((x) => x.id));
    expect(await Promise.all(collectors.slice(0, 3).map(async (x) => (await collectorRow(client, x.id)).currentCaseCount))).toEqual([6, 6, 5]);
    const moved = await client.em(null).findOneOrFail(CollectionCase, { id: cases[0].id });
    expect(moved).toMatchObject({ teamId: team.id, teamGroupId: org.groups.G1.id, agencyId: org.agencies.A1.id, assignedAt: expect.any(Date) });
    expect((await client.em(null).findOneOrFail(CollectionCase, { id: held.id })).collectorId).toBe(org.collectors.c1.id);
    const history = await client.em(null).find(CaseAssignment, { caseId: { $in: cases.map((x) => x.id) } });
    expect(history).toHaveLength(10);
    expect(history.every((h) => h.kind === 'auto' && h.strategy === 'balanced' && h.fromCollectorId === null && h.assignedBy === '2')).toBe(true);

    // a second run finds nothing left to assign
    expect(await autoOk(team.id, queue.id, 'balanced')).toEqual({ totalCases: 0, assigned: 0, failed: 0, assignments: [share(a, 0), share(b, 0), share(c, 0)] });
  });

  it('stops at each collector’s max_case_count; what nobody can take is failed and stays unassigned', async () => {
    const { team, queue, collectors } = await makeTeam(client, org, [
      { name: 'A', current: 7, max: 10 },
      { name: 'B', current: 0, max: 1 },
      { name: 'full', current: 5, max: 5 },
    ]);
    const cases = await makeCases(client, 6, { queueId: queue.id });
    const result = await autoOk(team.id, queue.id, 'balanced');
    expect(result).toEqual({ totalCases: 6, assigned: 4, failed: 2, assignments: [share(collectors[0], 3), share(collectors[1], 1), share(collectors[2], 0)] });
    const [a, b] = collectors;
    expect(await holders(cases)).toEqual([b.id, a.id, a.id, a.id, null, null]);
    expect((await collectorRow(client, a.id)).currentCaseCount).toBe(10);
  });

  it('records one case.assigned per collector summarising the run, with a notice', async () => {
    const { team, queue, collectors } = await makeTeam(client, org, [{ name: 'A' }, { name: 'B' }]);
    const cases = await makeCases(client, 5, { queueId: queue.id });
    await autoOk(team.id, queue.id, 'balanced');
    const forTeam = (topic: string) => seen.filter((e) => e.topic === topic && collectors.some((c) => e.aggregateId === String(c.id)));
    await until(() => forTeam('case.assigned').length === 2 && forTeam('notification.requested').length === 2);
    const events = forTeam('case.assigned').sort((x, y) => Number(x.aggregateId) - Number(y.aggregateId));
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ kind: 'auto', strategy: 'balanced', collectorId: collectors[0].id, collectorUserId: collectors[0].userId, caseCount: 3, teamId: team.id, queueId: queue.id, firstCaseId: cases[0].id, lastCaseId: cases[4].id }),
      expect.objectContaining({ kind: 'auto', strategy: 'balanced', collectorId: collectors[1].id, caseCount: 2, firstCaseId: cases[1].id, lastCaseId: cases[3].id }),
    ]);
    expect(forTeam('notification.requested').map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          template: 'case.assigned',
          recipients: { userIds: [collectors[0].userId] },
          params: { case_id: cases[0].id, case_code: `${cases[0].caseCode} 等 3 件`, debtor_name: '李*红', overdue_days: 15 },
        }),
      ]),
    );
  });
});

describe('autoAssignCases writes in bulk', () => {
  it('runs as many SQL statements for 40 cases as for 4', async () => {
    const statementsFor = async (n: number) => {
      const { team, queue } = await makeTeam(client, org, [{ name: 'A' }, { name: 'B' }]);
      await makeCases(client, n, { queueId: queue.id });
      client.sql.reset();
      expect((await autoOk(team.id, queue.id, 'balanced')).assigned).toBe(n);
      return client.sql.statements.filter((q) => !/^(begin|commit|savepoint|release)/i.test(q));
    };
    const few = await statementsFor(4);
    const many = await statementsFor(40);
    expect(many).toHaveLength(few.length);
    expect(many.filter((q) => /^update `collection_case`/i.test(q))).toHaveLength(2);
    expect(many.filter((q) => /^insert into case_assignment/i.test(q))).toHaveLength(2);
  });
});

describe('autoAssignCases performance', () => {
  it('shares by last calendar month’s collections (largest remainder); no collections weighs half the smallest', async () => {
    const { team, queue, collectors } = await makeTeam(client, org, [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D', max: 5 }]);
    const [a, b, c, d] = collectors;
    // the team's agency (A1) is at UTC+8: its month starts at 16:00 UTC the day before
    const thisMonth = DateTime.now().setZone('UTC+8').startOf('month');
    const lastMonth = thisMonth.minus({ months: 1 });
    const [paid] = await makeCases(client, 1, { queueId: org.queues.M3.id });
    const em = client.em(null);
    let n = 0;
    const repay = (collector: Collector, amount: string, at: DateTime) =>
      em.create(Repayment, { tenantId: 1, repaymentId: `R${queue.id}_${++n}`, caseId: paid.id, collectorId: collector.id, repaymentAmount: new Decimal(amount), repaymentDate: at.toJSDate(), source: 'partner' });
    repay(a, '1000.00', lastMonth);
    repay(a, '2000.00', thisMonth.minus({ minutes: 1 }));
    repay(b, '1000.00', lastMonth.plus({ days: 3 }));
    repay(c, '5000.00', thisMonth); // this month: not counted
    repay(c, '5000.00', lastMonth.minus({ minutes: 1 })); // the month before: not counted
    repay(d, '9000.00', lastMonth.plus({ days: 1 }));
    await em.flush();
    await setCollectors(client, [[d, { currentCaseCount: 5 }]]); // D is full: their share goes to the others

    const cases = await makeCases(client, 10, { queueId: queue.id });
    const result = await autoOk(team.id, queue.id, 'performance');
    // weights (doubled cents): A 600000, B 200000, C none → 100000 (half of B's 100000 cents); 10 cases:
    // A 6.67 → 6, B 2.22 → 2, C 1.11 → 1, the one left by largest remainder → A.
    expect(result).toEqual({ totalCases: 10, assigned: 10, failed: 0, assignments: [share(a, 7), share(b, 2), share(c, 1), share(d, 0)] });
    expect(await holders(cases)).toEqual([a, a, a, a, a, a, a, b, b, c].map((x) => x.id));
  });

  it('re-shares what a full collector cannot take; nobody collected anything → equal shares', async () => {
    const { team, queue, collectors } = await makeTeam(client, org, [{ name: 'A', max: 2 }, { name: 'B' }, { name: 'C' }]);
    await makeCases(client, 7, { queueId: queue.id });
    // equal weights: 2.33 each → A capped at 2, the 5 left between B and C: 2.5 each → B (lower id) 3, C 2
    expect(await autoOk(team.id, queue.id, 'performance')).toMatchObject({ assigned: 7, failed: 0, assignments: [share(collectors[0], 2), share(collectors[1], 3), share(collectors[2], 2)] });
  });
});

describe('autoAssignCases specialty', () => {
  it('product specialists take their products, balanced; the rest are balanced over everyone', async () => {
    const { team, queue, collectors } = await makeTeam(client, org, [
      { name: 'cash', specialties: ['Cash Loan'] },
      { name: 'car', specialties: ['car loan'] },
      { name: 'none' },
    ]);
    const [a, b, c] = collectors;
    const cases = [
      ...(await makeCases(client, 2, { queueId: queue.id, loanProductName: 'cash loan' })),
      ...(await makeCases(client, 1, { queueId: queue.id, loanProductName: 'Car Loan' })),
      ...(await makeCases(client, 2, { queueId: queue.id, loanProductName: ' CASH LOAN ' })),
      ...(await makeCases(client, 4, { queueId: queue.id, loanProductName: null })),
    ];
    const result = await autoOk(team.id, queue.id, 'specialty');
    // cash → A (4); car → B (1); the 4 others over A 4, B 1, C 0: C, B, C, B
    expect(result).toEqual({ totalCases: 9, assigned: 9, failed: 0, assignments: [share(a, 4), share(b, 3), share(c, 2)] });
    expect(await holders(cases)).toEqual([a, a, b, a, a, c, b, c, b].map((x) => x.id));
  });

  it('a specialist of the queue (its code or name) matches every case of it; full specialists leave cases to the others', async () => {
    const { team, queue, collectors } = await makeTeam(client, org, [{ name: 'M', specialties: ['专长队列'], max: 2 }, { name: 'other' }], '专长队列');
    const cases = await makeCases(client, 3, { queueId: queue.id, loanProductName: 'anything' });
    expect(await autoOk(team.id, queue.id, 'specialty')).toMatchObject({ assigned: 3, assignments: [share(collectors[0], 2), share(collectors[1], 1)] });
    expect(await holders(cases)).toEqual([collectors[0].id, collectors[0].id, collectors[1].id]);
  });
});

describe('autoAssignCases refusals', () => {
  it('keeps to the caller’s scope and tenant; bad input names the field; nothing changes', async () => {
    const { team, queue } = await makeTeam(client, org, [{ name: 'A' }]);
    const cases = await makeCases(client, 2, { queueId: queue.id });
    expect(codeOf(await auto(org.teams.T2.id, queue.id, 'balanced', 'teamLeader'))).toBe('FORBIDDEN');
    expect(codeOf(await auto(org.teams.T3.id, queue.id, 'balanced', 'agencyAdmin'))).toBe('FORBIDDEN');
    expect(codeOf(await auto(team.id, queue.id, 'balanced', 'otherTenantAdmin'))).toBe('FORBIDDEN');
    expect(codeOf(await auto(org.teams.X1T.id, queue.id, 'balanced'))).toBe('FORBIDDEN');
    expect(codeOf(await auto(999999, queue.id, 'balanced'))).toBe('NOT_FOUND');
    expect(codeOf(await auto(team.id, 999999, 'balanced'))).toBe('NOT_FOUND');
    expect(codeOf(await auto(team.id, queue.id, 'balanced', 'c1'))).toBe('FORBIDDEN');
    const bad = await auto(team.id, queue.id, 'random');
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'strategy']);
    expect(await holders(cases)).toEqual([null, null]);
  });

  it('a team leader distributes only the cases routed to their team', async () => {
    const routed = await makeCases(client, 2, { queueId: org.queues.M1.id, agencyId: org.agencies.A1.id, teamId: org.teams.T1.id });
    const [unrouted] = await makeCases(client, 1, { queueId: org.queues.M1.id });
    const result = await autoOk(org.teams.T1.id, org.queues.M1.id, 'balanced', 'teamLeader');
    expect(result).toMatchObject({ totalCases: 2, assigned: 2 });
    expect((await holders(routed)).every((h) => h === org.collectors.c1.id || h === org.collectors.c2.id)).toBe(true);
    expect(await holders([unrouted])).toEqual([null]);
  });
});
