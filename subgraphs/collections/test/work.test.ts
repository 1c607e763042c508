import { DateTime } from 'luxon';
import { NOTIFICATION_REQUESTED, OutboxEvent, type NotificationRequestedPayload } from '@platform/kit';
import { CollectionCase, Collector, inspectionResult, Ptp, SystemConfig } from '@platform/collections';
import { makeCase } from './support/case-fixtures';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

const RECORD = 'mutation($i: RecordCommunicationInput!) { recordCommunication(input: $i) { id caseId collectorId agencyId teamId contactMethod contactResult contactPerson communicationContent tags contactTime } }';
const COMMS = 'query($c: ID!, $p: Int) { caseCommunications(caseId: $c, page: $p, pageSize: 2) { total page items { id communicationContent } } }';
const CREATE_PTP = 'mutation($i: CreatePtpInput!) { createPtp(input: $i) { id caseId collectorId promiseDate promiseAmount keptAmount promiseStatus } }';
const PTPS = 'query($c: ID!) { casePtps(caseId: $c) { id promiseStatus promiseAmount keptAmount } }';
const REPAY = 'mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { duplicate repayment { id repaymentId caseId collectorId repaymentAmount outstandingAfter caseStatusAfter ptpId ptpStatusAfter source } } }';
const REPAYMENTS = 'query($c: ID!) { caseRepayments(caseId: $c) { repaymentId repaymentAmount } }';
const INSPECT = 'mutation($id: ID!, $s: Int!) { inspectCommunication(communicationId: $id, score: $s, comments: "ok") { id result score reviewerId collectorId } }';

const events = (topic: string) => client.runtime.orm.em.fork().find(OutboxEvent, { topic }, { orderBy: { id: 'asc' } });
const today = (zone = 'UTC') => DateTime.now().setZone(zone).toFormat('yyyy-MM-dd');

describe('communications', () => {
  it('a collector records a contact on their case: the case’s last contact and their last activity move; the list pages newest first', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1 });
    const first = await client.ok(org.callers.c1, RECORD, { i: { caseId: String(c.id), contactMethod: 'phone', contactResult: '接通', contactPerson: '本人', communicationContent: '承诺下周还款', tags: ['承诺'], contactTime: '2026-01-02 10:00:00' } });
    expect(first.recordCommunication).toEqual({
      id: expect.any(String), caseId: String(c.id), collectorId: String(org.collectors.c1.id), agencyId: String(org.agencies.A1.id), teamId: String(org.teams.T1.id),
      contactMethod: 'phone', contactResult: '接通', contactPerson: '本人', communicationContent: '承诺下周还款', tags: ['承诺'], contactTime: '2026-01-02T10:00:00.000Z',
    });
    for (const n of [2, 3]) await client.ok(org.callers.c1, RECORD, { i: { caseId: String(c.id), contactMethod: 'sms', contactResult: '已发送', communicationContent: `第${n}次` } });
    const em = client.em();
    expect((await em.findOneOrFail(CollectionCase, c.id)).lastContactAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await em.findOneOrFail(Collector, org.collectors.c1.id)).lastActivityAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const page1 = await client.ok(org.callers.teamLeader, COMMS, { c: String(c.id) });
    expect(page1.caseCommunications).toEqual({ total: 3, page: 1, items: [expect.objectContaining({ communicationContent: '第3次' }), expect.objectContaining({ communicationContent: '第2次' })] });
    const page2 = await client.ok(org.callers.c1, COMMS, { c: String(c.id), p: 2 });
    expect(page2.caseCommunications.items).toEqual([{ id: first.recordCommunication.id, communicationContent: '承诺下周还款' }]);
  });

  it('a page of communications costs the same statements for 2 items as for 12', async () => {
    const c = await makeCase(client, { collector: org.collectors.c3 });
    for (let n = 0; n < 12; n++) await client.ok(org.callers.c3, RECORD, { i: { caseId: String(c.id), contactMethod: 'phone', contactResult: '未接通' } });
    const LIST = 'query($c: ID!, $s: Int) { caseCommunications(caseId: $c, pageSize: $s) { total items { id collectorId contactTime } } }';
    client.sql.reset();
    expect((await client.ok(org.callers.c3, LIST, { c: String(c.id), s: 2 })).caseCommunications.items).toHaveLength(2);
    const forTwo = client.sql.count;
    client.sql.reset();
    expect((await client.ok(org.callers.c3, LIST, { c: String(c.id), s: 12 })).caseCommunications.items).toHaveLength(12);
    // The caller's profile, the case, the page and its total.
    expect(client.sql.count).toBe(forTwo);
    expect(forTwo).toBeLessThanOrEqual(4);
  });

  it('another collector’s case: recording is FORBIDDEN, reading NOT_FOUND; another tenant’s NOT_FOUND; a bad method names the field', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1 });
    const input = { caseId: String(c.id), contactMethod: 'phone', contactResult: '未接通' };
    expect(codeOf(await client.run(org.callers.c2, RECORD, { i: input }))).toBe('FORBIDDEN');
    expect(codeOf(await client.run(org.callers.c2, COMMS, { c: String(c.id) }))).toBe('NOT_FOUND');
    expect(codeOf(await client.run(org.callers.otherTenantAdmin, RECORD, { i: input }))).toBe('NOT_FOUND');
    const bad = await client.run(org.callers.c1, RECORD, { i: { ...input, contactMethod: 'pigeon' } });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'contactMethod']);
    expect((await client.ok(org.callers.c1, COMMS, { c: String(c.id) })).caseCommunications.total).toBe(0);
  });

  it('quality inspection scores a communication: 优秀 ≥ 90, 良好 ≥ 75, 一般 ≥ 60, else 较差; out of range names score', async () => {
    expect([95, 90, 89, 75, 74, 60, 59, 0].map(inspectionResult)).toEqual(['优秀', '优秀', '良好', '良好', '一般', '一般', '较差', '较差']);
    const c = await makeCase(client, { collector: org.collectors.c1 });
    const { recordCommunication } = await client.ok(org.callers.c1, RECORD, { i: { caseId: String(c.id), contactMethod: 'phone', contactResult: '接通' } });
    const { inspectCommunication } = await client.ok(org.callers.agencyAdmin, INSPECT, { id: recordCommunication.id, s: 76 });
    expect(inspectCommunication).toEqual({ id: expect.any(String), result: '良好', score: 76, reviewerId: org.callers.agencyAdmin.userId, collectorId: String(org.collectors.c1.id) });
    expect(fieldOf(await client.run(org.callers.agencyAdmin, INSPECT, { id: recordCommunication.id, s: 101 }))).toBe('score');
    expect(codeOf(await client.run(org.callers.otherTenantAdmin, INSPECT, { id: recordCommunication.id, s: 80 }))).toBe('NOT_FOUND');
  });
});

describe('promises to pay', () => {
  it('creates a PTP (amount within the outstanding, from today in the tenant’s zone) and records ptp.created', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1, outstanding: '5000.00' });
    const { createPtp } = await client.ok(org.callers.c1, CREATE_PTP, { i: { caseId: String(c.id), promiseDate: today(), promiseAmount: '2000.50' } });
    expect(createPtp).toEqual({ id: expect.any(String), caseId: String(c.id), collectorId: String(org.collectors.c1.id), promiseDate: today(), promiseAmount: '2000.5', keptAmount: '0', promiseStatus: 'pending' });
    const created = (await events('ptp.created')).find((e) => e.aggregateId === createPtp.id);
    expect(created?.payload).toMatchObject({ caseId: c.id, caseCode: c.caseCode, promiseAmount: '2000.50', promiseDate: today() });
    // A new promise replaces the open one.
    await client.ok(org.callers.teamLeader, CREATE_PTP, { i: { caseId: String(c.id), promiseDate: today(), promiseAmount: '100' } });
    expect((await client.ok(org.callers.c1, PTPS, { c: String(c.id) })).casePtps.map((p: { promiseStatus: string }) => p.promiseStatus)).toEqual(['pending', 'cancelled']);
  });

  it('refuses, naming the field: amount 0 or above the outstanding, a past or malformed date; nothing is created', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1, outstanding: '5000.00' });
    const base = { caseId: String(c.id), promiseDate: today(), promiseAmount: '10' };
    for (const [patch, field] of [
      [{ promiseAmount: '0' }, 'promiseAmount'],
      [{ promiseAmount: '5000.01' }, 'promiseAmount'],
      [{ promiseDate: '2020-01-01' }, 'promiseDate'],
      [{ promiseDate: '2026-13-40' }, 'promiseDate'],
    ] as const) {
      const result = await client.run(org.callers.c1, CREATE_PTP, { i: { ...base, ...patch } });
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect(await client.em().count(Ptp, { caseId: c.id })).toBe(0);
    expect(codeOf(await client.run(org.callers.c2, CREATE_PTP, { i: base }))).toBe('FORBIDDEN');
  });

  it('the date is checked in the tenant’s calendar, not UTC’s', async () => {
    // Whatever the hour, one of these zones is on another date than UTC: UTC+14 from 10:00 UTC, UTC-11 before 11:00 UTC.
    const ahead = DateTime.utc().hour >= 10;
    const zone = ahead ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const em = client.em();
    em.create(SystemConfig, { tenantId: 1, configKey: 'time_zone', configValue: zone });
    await em.flush();
    const c = await makeCase(client, { collector: org.collectors.c1 });
    const input = (promiseDate: string) => ({ i: { caseId: String(c.id), promiseDate, promiseAmount: '10' } });
    if (ahead) {
      // UTC's today is already yesterday there.
      const result = await client.run(org.callers.c1, CREATE_PTP, input(today()));
      expect([codeOf(result), result.errors?.[0]?.message]).toEqual(['BAD_USER_INPUT', `promiseDate must be today (${today(zone)}) or later`]);
    } else {
      // UTC's yesterday is still today there.
      const yesterdayUtc = DateTime.utc().minus({ days: 1 }).toFormat('yyyy-MM-dd');
      expect((await client.ok(org.callers.c1, CREATE_PTP, input(yesterdayUtc))).createPtp.promiseDate).toBe(yesterdayUtc);
    }
    await em.nativeDelete(SystemConfig, { tenantId: 1, configKey: 'time_zone' });
  });

  it('updatePtpStatus moves an open promise on; a closed one cannot move (BUSINESS_RULE); an unknown status names status', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1 });
    const { createPtp } = await client.ok(org.callers.c1, CREATE_PTP, { i: { caseId: String(c.id), promiseDate: today(), promiseAmount: '10' } });
    const UPDATE = 'mutation($id: ID!, $s: String!) { updatePtpStatus(ptpId: $id, status: $s) { promiseStatus } }';
    expect((await client.ok(org.callers.c1, UPDATE, { id: createPtp.id, s: 'broken' })).updatePtpStatus.promiseStatus).toBe('broken');
    expect(codeOf(await client.run(org.callers.c1, UPDATE, { id: createPtp.id, s: 'kept' }))).toBe('BUSINESS_RULE');
    expect(fieldOf(await client.run(org.callers.c1, UPDATE, { id: createPtp.id, s: 'maybe' }))).toBe('status');
    expect(codeOf(await client.run(org.callers.c2, UPDATE, { id: createPtp.id, s: 'cancelled' }))).toBe('FORBIDDEN');
  });
});

describe('repayments', () => {
  it('a partial repayment lowers penalty, interest, then principal; the case is partial; the open PTP partly kept; the collector is told', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1, outstanding: '5000.00', principal: '4000.00', interest: '600.00', penalty: '400.00' });
    const { createPtp } = await client.ok(org.callers.c1, CREATE_PTP, { i: { caseId: String(c.id), promiseDate: today(), promiseAmount: '1500' } });
    const { recordRepayment } = await client.ok(org.callers.c1, REPAY, { i: { caseId: String(c.id), repaymentId: 'PAY_001', amount: '1000.10', repaymentChannel: 'cash' } });
    expect(recordRepayment).toEqual({
      duplicate: false,
      repayment: {
        id: expect.any(String), repaymentId: 'PAY_001', caseId: String(c.id), collectorId: String(org.collectors.c1.id), repaymentAmount: '1000.1',
        outstandingAfter: '3999.9', caseStatusAfter: 'partial_repayment', ptpId: createPtp.id, ptpStatusAfter: 'partially_kept', source: 'offline',
      },
    });
    const after = await client.em().findOneOrFail(CollectionCase, c.id);
    expect([after.repaidAmount, after.outstandingAmount, after.outstandingPenalty, after.outstandingInterest, after.outstandingPrincipal].map((d) => d!.toFixed(2)))
      .toEqual(['1000.10', '3999.90', '0.00', '0.00', '3999.90']);
    expect(after.caseStatus).toBe('partial_repayment');
    expect((await client.ok(org.callers.c1, PTPS, { c: String(c.id) })).casePtps[0]).toMatchObject({ promiseStatus: 'partially_kept', keptAmount: '1000.1' });

    const notice = (await events(NOTIFICATION_REQUESTED)).map((e) => e.payload as NotificationRequestedPayload).find((p) => p.params?.case_code === c.caseCode);
    expect(notice).toMatchObject({
      template: 'repayment.received',
      recipients: { userIds: [org.collectors.c1.userId] },
      params: { debtor_name: '陈大明', amount: '1000.10', currency: 'PHP', case_code: c.caseCode, case_id: c.id },
      live: { kind: 'repaymentReceived', data: { caseId: c.id, caseCode: c.caseCode, repaymentId: 'PAY_001', amount: '1000.10', currency: 'PHP', outstandingAmount: '3999.90', status: 'partial_repayment' } },
    });
    expect((await events('repayment.received')).some((e) => (e.payload as { caseCode: string }).caseCode === c.caseCode)).toBe(true);
    expect((await events('case.status_changed')).find((e) => e.aggregateId === String(c.id))?.payload).toMatchObject({ oldStatus: 'pending_repayment', newStatus: 'partial_repayment' });
  });

  it('repaying the rest settles the case and keeps the PTP; the same repaymentId again answers the first result and changes nothing', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1, outstanding: '3000.00' });
    await client.ok(org.callers.c1, CREATE_PTP, { i: { caseId: String(c.id), promiseDate: today(), promiseAmount: '3000' } });
    const first = await client.ok(org.callers.tenantAdmin, REPAY, { i: { caseId: String(c.id), repaymentId: 'PAY_ALL', amount: '3000' } });
    expect(first.recordRepayment.repayment).toMatchObject({ outstandingAfter: '0', caseStatusAfter: 'settled', ptpStatusAfter: 'kept' });
    const again = await client.ok(org.callers.tenantAdmin, REPAY, { i: { caseId: String(c.id), repaymentId: 'PAY_ALL', amount: '3000' } });
    expect(again.recordRepayment).toEqual({ ...first.recordRepayment, duplicate: true });
    const settled = await client.em().findOneOrFail(CollectionCase, c.id);
    expect([settled.caseStatus, settled.repaidAmount.toFixed(2), settled.outstandingAmount.toFixed(2), settled.settlementDate]).toEqual(['settled', '3000.00', '0.00', today()]);
    expect((await client.ok(org.callers.c1, REPAYMENTS, { c: String(c.id) })).caseRepayments).toEqual([{ repaymentId: 'PAY_ALL', repaymentAmount: '3000' }]);
    expect((await events('repayment.received')).filter((e) => (e.payload as { caseCode: string }).caseCode === c.caseCode)).toHaveLength(1);
  });

  it('refuses a zero or sub-cent amount naming amount, another collector’s case (FORBIDDEN); reading another’s repayments is NOT_FOUND', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1 });
    for (const amount of ['0', '-5', '1.005']) {
      const result = await client.run(org.callers.c1, REPAY, { i: { caseId: String(c.id), amount } });
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'amount']);
    }
    expect(codeOf(await client.run(org.callers.c2, REPAY, { i: { caseId: String(c.id), amount: '1' } }))).toBe('FORBIDDEN');
    expect(codeOf(await client.run(org.callers.c4, REPAYMENTS, { c: String(c.id) }))).toBe('NOT_FOUND');
    expect((await client.em().findOneOrFail(CollectionCase, c.id)).repaidAmount.toFixed(2)).toBe('0.00');
  });
});
