import { OutboxEvent } from '@platform/kit';
import { CaseContact, CollectionCase, Repayment } from '@platform/collections';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';
import { assignTo, caseRow, IMPORT, importRows } from './support/cases';

let client: CollectionsClient;
let org: OrgFixture;
type Who = keyof OrgFixture['callers'];

beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  const rows = [
    caseRow('C1', { overdue_days: 15 }),
    caseRow('C2', { overdue_days: 45, outstanding_amount: 8000, loan_amount: 9000, case_status: 'partial_repayment' }),
    caseRow('C3', { overdue_days: 70, outstanding_amount: 12000.5, loan_amount: 13000 }),
    caseRow('C4', { overdue_days: 10, user_name: '李四', mobile: '+63-918-222-3333' }),
    caseRow('U1', { overdue_days: 0 }),
  ];
  expect(await importRows(client, org.callers.tenantAdmin, rows)).toEqual({ total: 5, success: 5, failed: 0, errors: [] });
  expect(await importRows(client, org.callers.superAdmin, [caseRow('X1')], '2')).toMatchObject({ success: 1 });
  await assignTo(client, 1, 'C1', org.collectors.c1);
  await assignTo(client, 1, 'C2', org.collectors.c2);
  await assignTo(client, 1, 'C3', org.collectors.c3);
  await assignTo(client, 1, 'C4', org.collectors.c4);
  await assignTo(client, 2, 'X1', org.collectors.x1);
});
afterAll(() => client.close());

const LIST = `query ($filter: CaseFilter, $sort: CaseSort, $page: Int, $pageSize: Int) {
  cases(filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) {
    total page pageSize items { id caseCode userName mobile overdueDays loanAmount outstandingAmount caseStatus queueName collectorName agencyName teamName assignedAt }
  }
}`;
const DETAIL = `query ($id: ID!) { case(id: $id) {
  id caseCode customerId userName mobile idNumber address bankAccount email loanAmount repaidAmount outstandingAmount overdueDays dueDate
  queueName agencyName teamName collectorName assignedAt
  communications { id contactMethod contactResult communicationContent collectorName contactTime }
  ptps { id promiseAmount promiseDate promiseStatus createdAt }
} }`;

type Item = { id: string; caseCode: string; mobile: string; queueName: string | null; collectorName: string | null; outstandingAmount: string };
const list = (who: Who, variables: Record<string, unknown> = {}) => client.run<{ cases: { total: number; items: Item[] } }>(org.callers[who], LIST, variables);
const codes = async (who: Who, filter?: Record<string, unknown>, sort?: Record<string, unknown>) =>
  (await list(who, { filter, sort })).data?.cases.items.map((i) => i.caseCode);
const caseId = async (tenantId: number, code: string) => String((await client.em(null).findOneOrFail(CollectionCase, { tenantId, caseCode: code })).id);
const detail = (who: Who, id: string) => client.run<{ case: Record<string, unknown> | null }>(org.callers[who], DETAIL, { id });

describe('case list and detail: each admin sees exactly their scope', () => {
  it.each<[Who, string[]]>([
    ['superAdmin', ['X1', 'U1', 'C4', 'C3', 'C2', 'C1']],
    ['tenantAdmin', ['U1', 'C4', 'C3', 'C2', 'C1']],
    ['agencyAdmin', ['C3', 'C2', 'C1']],
    ['spv', ['C2', 'C1']],
    ['teamLeader', ['C2', 'C1']],
    ['otherTenantAdmin', ['X1']],
  ])('%s lists %j, newest first', async (who, expected) => {
    expect(await codes(who)).toEqual(expected);
  });

  it('the super admin narrows to one tenant; a tenant admin naming another tenant sees nothing', async () => {
    expect(await codes('superAdmin', { tenantId: '2' })).toEqual(['X1']);
    expect(await codes('tenantAdmin', { tenantId: '2' })).toEqual([]);
  });

  it('detail inside the scope answers the case; another scope’s or tenant’s case is null (404)', async () => {
    const [c1, c3, c4, x1] = [await caseId(1, 'C1'), await caseId(1, 'C3'), await caseId(1, 'C4'), await caseId(2, 'X1')];
    expect((await detail('teamLeader', c1)).data?.case).toMatchObject({ caseCode: 'C1' });
    expect((await detail('agencyAdmin', c3)).data?.case).toMatchObject({ caseCode: 'C3' });
    expect((await detail('agencyAdmin', c4)).data?.case).toBeNull();
    expect((await detail('spv', c3)).data?.case).toBeNull();
    expect((await detail('teamLeader', c3)).data?.case).toBeNull();
    expect((await detail('tenantAdmin', x1)).data?.case).toBeNull();
    expect((await detail('otherTenantAdmin', c1)).data?.case).toBeNull();
    expect((await detail('superAdmin', x1)).data?.case).toMatchObject({ caseCode: 'X1' });
    expect((await detail('tenantAdmin', 'abc')).data?.case).toBeNull();
  });

  it('a collector is refused the admin list and detail', async () => {
    expect(codeOf(await list('c1'))).toBe('FORBIDDEN');
    expect(codeOf(await detail('c1', await caseId(1, 'C1')))).toBe('FORBIDDEN');
  });
});

describe('case fields', () => {
  it('names where the case sits, its amounts exactly and the detail records', async () => {
    const c1 = await caseId(1, 'C1');
    await client.em(null).getConnection().execute(
      `insert into communication (tenant_id, case_id, collector_id, contact_method, contact_result, communication_content, tags, contact_time, created_at, updated_at)
       values (1, ${c1}, ${org.collectors.c1.id}, 'phone', '接通', '客户表示下周一还款', '[]', '2025-11-20 02:00:00', '2025-11-20 02:00:00', '2025-11-20 02:00:00')`,
    );
    await client.em(null).getConnection().execute(
      `insert into ptp (tenant_id, case_id, collector_id, promise_date, promise_amount, kept_amount, promise_status, created_at, updated_at)
       values (1, ${c1}, ${org.collectors.c1.id}, '2025-11-25', 200000, 0, 'pending', '2025-11-20 02:05:00', '2025-11-20 02:05:00')`,
    );
    const c = (await detail('tenantAdmin', c1)).data?.case;
    expect(c).toMatchObject({
      caseCode: 'C1', customerId: 'U_C1', userName: '陈大明', loanAmount: '5000', repaidAmount: '1000', outstandingAmount: '4000',
      overdueDays: 15, dueDate: '2025-11-05', queueName: 'M1队列', agencyName: '机构 A1', teamName: 'T1小组', collectorName: '王小明',
      assignedAt: '2025-11-18T01:00:00.000Z',
      communications: [{ contactMethod: 'phone', contactResult: '接通', communicationContent: '客户表示下周一还款', collectorName: '王小明' }],
      ptps: [{ promiseAmount: '2000', promiseDate: '2025-11-25', promiseStatus: 'pending' }],
    });
  });

  it('masks personal data for a caller without cases:view_sensitive', async () => {
    const c = (await detail('teamLeader', await caseId(1, 'C1'))).data?.case;
    expect(c).toMatchObject({ mobile: '+63-917-***-**11', idNumber: 'ID***456', address: '马尼拉市***', bankAccount: '****1234', email: 'u***@example.com' });
    const items = (await list('teamLeader')).data?.cases.items;
    expect(items?.map((i) => i.mobile)).toEqual(['+63-917-***-**11', '+63-917-***-**11']);
  });

  it('shows it to admins (`*`) and writes every unmasked read to the audit trail', async () => {
    const audits = () => client.em(null).find(OutboxEvent, { topic: 'audit.recorded' });
    const viewed = async () => (await audits()).filter((e) => (e.payload as { action: string }).action === 'view_personal_data');
    const before = (await viewed()).length;
    const c1 = await caseId(1, 'C1');
    const c = (await detail('tenantAdmin', c1)).data?.case;
    expect(c).toMatchObject({ mobile: '+63-917-111-1111', idNumber: 'ID123456', address: '马尼拉市中心区', bankAccount: '6222021234' });
    const after = await viewed();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ tenantId: '1', aggregateId: c1, payload: { actorId: '2', resourceType: 'case', after: { case_ids: [Number(c1)] } } });
    // a page is one audit entry per tenant, naming its cases
    await list('superAdmin');
    const entries = (await viewed()).slice(before + 1);
    expect(entries.map((e) => e.tenantId).sort()).toEqual(['1', '2']);
    // masked reads are not audited
    await detail('teamLeader', c1);
    expect(await viewed()).toHaveLength(before + 3);
  });
});

describe('search: filters and whitelisted sorting', () => {
  it('filters by overdue days, amounts, statuses, queue, agency, team, collector and keyword prefix', async () => {
    expect(await codes('tenantAdmin', { overdueDays: { min: 10, max: 45 } })).toEqual(['C4', 'C2', 'C1']);
    expect(await codes('tenantAdmin', { outstandingAmount: { min: '8000' } })).toEqual(['C3', 'C2']);
    expect(await codes('tenantAdmin', { loanAmount: { max: '9000' }, caseStatus: ['partial_repayment'] })).toEqual(['C2']);
    expect(await codes('tenantAdmin', { caseStatus: ['pending_repayment', 'partial_repayment'], overdueDays: { min: 40 } })).toEqual(['C3', 'C2']);
    expect(await codes('tenantAdmin', { queueId: String(org.queues.M1.id) })).toEqual(['C4', 'C1']);
    expect(await codes('tenantAdmin', { agencyId: String(org.agencies.A2.id) })).toEqual(['C4']);
    expect(await codes('tenantAdmin', { teamId: String(org.teams.T1.id) })).toEqual(['C2', 'C1']);
    expect(await codes('tenantAdmin', { collectorId: String(org.collectors.c3.id) })).toEqual(['C3']);
    expect(await codes('tenantAdmin', { search: 'C' })).toEqual(['C4', 'C3', 'C2', 'C1']);
    expect(await codes('tenantAdmin', { search: '李' })).toEqual(['C4']);
    expect(await codes('tenantAdmin', { search: '+63-918' })).toEqual(['C4']);
    expect(await codes('tenantAdmin', { search: '%' })).toEqual([]);
    // filters never widen the scope
    expect(await codes('teamLeader', { agencyId: String(org.agencies.A2.id) })).toEqual([]);
  });

  it('sorts by a whitelisted field, id breaking ties; pages', async () => {
    expect(await codes('tenantAdmin', undefined, { field: 'outstanding_amount', order: 'desc' })).toEqual(['C3', 'C2', 'U1', 'C4', 'C1']);
    expect(await codes('tenantAdmin', undefined, { field: 'overdue_days', order: 'asc' })).toEqual(['U1', 'C4', 'C1', 'C2', 'C3']);
    const page2 = (await list('tenantAdmin', { page: 2, pageSize: 2 })).data?.cases;
    expect(page2).toMatchObject({ total: 5, items: [{ caseCode: 'C3' }, { caseCode: 'C2' }] });
    const unsortable = await list('tenantAdmin', { sort: { field: 'user_name', order: 'asc' } });
    expect(unsortable.errors?.[0]?.message).toContain('does not exist in "CaseSortField" enum');
  });

  it('refuses bad filters naming the field', async () => {
    const bad = await list('tenantAdmin', { filter: { caseStatus: ['nope'] } });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'caseStatus']);
    const money = await list('tenantAdmin', { filter: { outstandingAmount: { min: '1.005' } } });
    expect([codeOf(money), fieldOf(money)]).toEqual(['BAD_USER_INPUT', 'outstandingAmount']);
    const id = await list('tenantAdmin', { filter: { queueId: 'x' } });
    expect([codeOf(id), fieldOf(id)]).toEqual(['BAD_USER_INPUT', 'queueId']);
    expect(codeOf(await list('tenantAdmin', { pageSize: 101 }))).toBe('BAD_USER_INPUT');
  });
});

describe('import', () => {
  it('checks each row on its own and writes the valid ones', async () => {
    const result = await importRows(client, org.callers.tenantAdmin, [
      caseRow('I1', { overdue_days: 35 }),
      caseRow('I2', { mobile: '12345' }),
      caseRow('I3', { mobile: undefined }),
      caseRow('I4', { loan_amount: 10.005 }),
      caseRow('I5', { outstanding_amount: -1 }),
      { user_id: 'x' },
      caseRow('I1'),
      caseRow('I6', { due_date: '05/11/2025' }),
    ]);
    expect(result).toEqual({
      total: 8,
      success: 1,
      failed: 7,
      errors: [
        { row: 2, caseCode: 'I2', error: 'mobile格式错误' },
        { row: 3, caseCode: 'I3', error: 'mobile为必填项' },
        { row: 4, caseCode: 'I4', error: 'loan_amount最多两位小数' },
        { row: 5, caseCode: 'I5', error: 'outstanding_amount必须是非负金额' },
        { row: 6, caseCode: null, error: 'case_code为必填项' },
        { row: 7, caseCode: 'I1', error: '重复案件编号' },
        { row: 8, caseCode: 'I6', error: 'due_date格式错误' },
      ],
    });
    const i1 = await client.em(null).findOneOrFail(CollectionCase, { tenantId: 1, caseCode: 'I1' });
    expect(i1.queueId).toBe(org.queues.M2.id);
    expect(await client.em(null).count(CollectionCase, { tenantId: 1, caseCode: { $like: 'I%' } })).toBe(1);
  });

  it('upserts by case_code, keeps the assignment, replaces contacts and adds repayments once', async () => {
    const row = caseRow('C1', {
      overdue_days: 65,
      outstanding_amount: '3500.25',
      repaid_amount: '1499.75',
      contact_phones: [
        { phone_number: '+63-917-111-1111', phone_type: 'mobile', contact_name: '本人', is_primary: true },
        { phone_number: '+63-917-222-2222', contact_name: '紧急联系人', relationship: '亲属' },
      ],
      repayment_history: [{ repayment_id: 'PAY_001', repayment_date: '2025-10-15', repayment_amount: 1000, repayment_channel: 'bank_transfer' }],
      custom_fields: { employer: 'ABC公司', credit_score: 650 },
    });
    const before = await client.em(null).findOneOrFail(CollectionCase, { tenantId: 1, caseCode: 'C1' });
    expect(await importRows(client, org.callers.tenantAdmin, [row])).toMatchObject({ success: 1 });
    expect(await importRows(client, org.callers.tenantAdmin, [row])).toMatchObject({ success: 1 });
    const em = client.em(null);
    const after = await em.findOneOrFail(CollectionCase, { tenantId: 1, caseCode: 'C1' });
    expect(after.id).toBe(before.id);
    expect(after.outstandingAmount.toFixed(2)).toBe('3500.25');
    expect(after.repaidAmount.toFixed(2)).toBe('1499.75');
    expect(after.queueId).toBe(org.queues.M3.id);
    expect(after.collectorId).toBe(org.collectors.c1.id);
    expect(after.customFields).toEqual({ employer: 'ABC公司', credit_score: 650 });
    const contacts = await em.find(CaseContact, { caseId: after.id }, { orderBy: { id: 'asc' } });
    expect(contacts.map((c) => [c.phoneNumber, c.contactName, c.relationship ?? null, c.isPrimary])).toEqual([
      ['+63-917-111-1111', '本人', null, true],
      ['+63-917-222-2222', '紧急联系人', '亲属', false],
    ]);
    const repayments = await em.find(Repayment, { caseId: after.id });
    expect(repayments.map((r) => [r.repaymentId, r.repaymentAmount.toFixed(2), r.source])).toEqual([['PAY_001', '1000.00', 'import']]);
  });

  it('a tenant admin imports into their own tenant only; the super admin must name one; empty is refused', async () => {
    const other = await client.run(org.callers.tenantAdmin, IMPORT, { input: { tenantId: '2', cases: [caseRow('Z1')] } });
    expect(codeOf(other)).toBe('FORBIDDEN');
    const none = await client.run(org.callers.superAdmin, IMPORT, { input: { cases: [caseRow('Z1')] } });
    expect([codeOf(none), fieldOf(none)]).toEqual(['BAD_USER_INPUT', 'tenant_id']);
    const empty = await client.run(org.callers.tenantAdmin, IMPORT, { input: { cases: [] } });
    expect([codeOf(empty), fieldOf(empty)]).toEqual(['BAD_USER_INPUT', 'cases']);
    expect(codeOf(await client.run(org.callers.agencyAdmin, IMPORT, { input: { cases: [caseRow('Z1')] } }))).toBe('FORBIDDEN');
    expect(await client.em(null).count(CollectionCase, { caseCode: 'Z1' })).toBe(0);
  });
});

describe('status update', () => {
  const STATUS = `mutation ($id: ID!, $input: UpdateCaseStatusInput!) {
    updateCaseStatus(id: $id, input: $input) { oldStatus newStatus case { id caseStatus repaidAmount outstandingAmount settlementDate } }
  }`;
  const update = (who: Who, id: string, input: Record<string, unknown>) => client.run<{ updateCaseStatus: Record<string, unknown> }>(org.callers[who], STATUS, { id, input });

  it('records a partial repayment exactly and the case.status_changed event with before and after', async () => {
    const id = await caseId(1, 'C2');
    const res = await update('agencyAdmin', id, { caseStatus: 'partial_repayment', repaidAmount: '3000.10', notes: '客户已还款' });
    expect(res.data?.updateCaseStatus).toEqual({
      oldStatus: 'partial_repayment',
      newStatus: 'partial_repayment',
      case: { id, caseStatus: 'partial_repayment', repaidAmount: '3000.1', outstandingAmount: '5999.9', settlementDate: null },
    });
    const [event] = await client.em(null).find(OutboxEvent, { topic: 'case.status_changed', aggregateId: id });
    expect(event.payload).toMatchObject({ oldStatus: 'partial_repayment', newStatus: 'partial_repayment', repaid_amount: '3000.10', outstanding_amount: '5999.90', notes: '客户已还款' });
    const audit = (await client.em(null).find(OutboxEvent, { topic: 'audit.recorded', aggregateId: id })).find((e) => (e.payload as { action: string }).action === 'status_change');
    expect(audit?.payload).toMatchObject({
      before: { case_status: 'partial_repayment', repaid_amount: '1000.00', outstanding_amount: '8000.00' },
      after: { case_status: 'partial_repayment', repaid_amount: '3000.10', outstanding_amount: '5999.90' },
    });
  });

  it('settles (outstanding 0) and then only closing is allowed', async () => {
    const id = await caseId(1, 'C3');
    const settled = await update('tenantAdmin', id, { caseStatus: 'settled' });
    expect(settled.data?.updateCaseStatus).toMatchObject({ newStatus: 'settled', case: { outstandingAmount: '0', settlementDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) } });
    const back = await update('tenantAdmin', id, { caseStatus: 'pending_repayment' });
    expect([codeOf(back), fieldOf(back)]).toEqual(['BAD_USER_INPUT', 'caseStatus']);
    expect((await update('tenantAdmin', id, { caseStatus: 'closed' })).data?.updateCaseStatus).toMatchObject({ oldStatus: 'settled', newStatus: 'closed' });
  });

  it('refuses bad input naming the field and changes nothing; out of scope is NOT_FOUND; a team leader may not', async () => {
    const id = await caseId(1, 'C4');
    const unknown = await update('tenantAdmin', id, { caseStatus: 'lost' });
    expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'caseStatus']);
    const less = await update('tenantAdmin', id, { caseStatus: 'partial_repayment', repaidAmount: '999.99' });
    expect([codeOf(less), fieldOf(less)]).toEqual(['BAD_USER_INPUT', 'repaidAmount']);
    const more = await update('tenantAdmin', id, { caseStatus: 'partial_repayment', repaidAmount: '5000.01' });
    expect([codeOf(more), fieldOf(more)]).toEqual(['BAD_USER_INPUT', 'repaidAmount']);
    expect(codeOf(await update('agencyAdmin', id, { caseStatus: 'closed' }))).toBe('NOT_FOUND');
    expect(codeOf(await update('otherTenantAdmin', id, { caseStatus: 'closed' }))).toBe('NOT_FOUND');
    expect(codeOf(await update('teamLeader', await caseId(1, 'C1'), { caseStatus: 'closed' }))).toBe('FORBIDDEN');
    const row = await client.em(null).findOneOrFail(CollectionCase, { tenantId: 1, caseCode: 'C4' });
    expect([row.caseStatus, row.repaidAmount.toFixed(2), row.outstandingAmount.toFixed(2)]).toEqual(['pending_repayment', '1000.00', '4000.00']);
  });
});
