import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant, type SubgraphRuntime } from '@platform/kit';
import { Agency, CaseAssignment, CollectionCase, Collector, Team } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { collectorToken as identityCollector, eventually } from '../support/activity-events';
import { call, ccoAdminToken } from '../support/contract';
import { issuePartnerKey, partnerCaseRow, signedPush, type PartnerKey, type Signing } from '../support/partner';

const platform = useTestPlatform();
const ISO_LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;
const error = (code: number) => ({ code, message: expect.any(String), data: null });
const naming = (field: string) => ({ status: 400, body: { ...error(400), message: expect.stringContaining(field) } });

let admin: string;
let key: PartnerKey;
let collectorToken: string;
let wang: Collector;
let em: () => EntityManager;

const push = (path: string, body: unknown, signing: Signing = {}) => signedPush(platform.app, key, path, body, signing);
const recall = (code: string, extra: Record<string, unknown> = {}) => ({
  notify_type: 'case_recall',
  notify_time: '2025-11-20T16:00:00',
  case_code: code,
  recall_reason: '客户投诉',
  recall_notes: '客户已通过其他渠道还款，数据未同步',
  ...extra,
});
const caseOf = (code: string) => em().findOneOrFail(CollectionCase, { caseCode: code }, { refresh: true });
const historyOf = async (code: string) =>
  (await em().find(CaseAssignment, { caseId: (await caseOf(code)).id }, { orderBy: { id: 'asc' } })).map((h) => ({
    kind: h.kind,
    from: h.fromCollectorId ?? null,
    to: h.toCollectorId ?? null,
  }));
const countOf = async (c: Collector) => (await em().findOneOrFail(Collector, { id: c.id }, { refresh: true })).currentCaseCount;

/** A pushed case, assigned to 王小明 through the admin console as an administrator would. */
async function assignedCase(code: string): Promise<CollectionCase> {
  expect((await push('/cases/import', { push_batch_no: `B_${code}`, cases: [partnerCaseRow(code, { user_name: '李小红' })] })).status).toBe(200);
  const kase = await caseOf(code);
  const res = await call(platform.app, 'POST', `/api/v1/cases/${kase.id}/assign`, { token: admin, body: { collector_id: wang.id } });
  expect(res.status).toBe(200);
  return kase;
}

beforeAll(async () => {
  admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const tenantId = Number(JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()).tid);
  key = await issuePartnerKey(platform.app, admin, tenantId, 'core system');
  const account = await identityCollector(platform, admin, 'collector001');
  collectorToken = account.token;
  const collections = platform.platform.subgraphs.find((s) => s.name === 'collections') as SubgraphRuntime & { orm: { em: EntityManager } };
  em = () => forkForTenant(collections.orm.em, null);
  const e = em();
  const agency = e.create(Agency, { tenantId, agencyCode: 'AG1', agencyName: '一号机构' });
  await e.flush();
  const team = e.create(Team, { tenantId, agencyId: agency.id, teamCode: 'T1', teamName: '一组' });
  await e.flush();
  wang = e.create(Collector, { tenantId, userId: account.id, agencyId: agency.id, teamId: team.id, collectorCode: 'COL_001', collectorName: '王小明', maxCaseCount: 100 });
  await e.flush();
});

describe('POST /api/v1/webhook/case-recall (§ 5.3)', () => {
  it('recalls the case: unassigned (history kept), status recalled, the collector told; the answer body', async () => {
    const kase = await assignedCase('CASE_R1');
    expect(await countOf(wang)).toBe(1);
    const res = await push('/case-recall', recall('CASE_R1'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '接收成功',
      data: { case_code: 'CASE_R1', old_status: 'pending_repayment', new_status: 'recalled', recalled: true, unassigned: true, updated_at: expect.stringMatching(ISO_LOCAL) },
    });
    const after = await caseOf('CASE_R1');
    expect({ status: after.caseStatus, collector: after.collectorId ?? null, team: after.teamId ?? null }).toEqual({ status: 'recalled', collector: null, team: null });
    expect(await countOf(wang)).toBe(0);
    // The assignment stays in the history; the recall is its next step.
    expect(await historyOf('CASE_R1')).toEqual([
      { kind: 'manual', from: null, to: wang.id },
      { kind: 'unassign', from: wang.id, to: null },
    ]);

    // 王小明 is told in the collector app, through activity's case.recalled template.
    const unread = () => call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: collectorToken });
    await eventually(async () => ((await unread()).body.data?.items ?? []).some((n: { title: string }) => n.title === '案件已召回'));
    expect((await unread()).body.data.items).toContainEqual(
      expect.objectContaining({
        notification_type: 'case_assignment',
        title: '案件已召回',
        content: '案件 CASE_R1（李*红）已被甲方召回：客户投诉，请停止催收',
        action_url: `/cases/${kase.id}`,
      }),
    );
  });

  it('a repeated recall changes nothing and says so', async () => {
    const historyBefore = await historyOf('CASE_R1');
    const again = await push('/case-recall', recall('CASE_R1', { recall_reason: '再次召回' }));
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({
      case_code: 'CASE_R1',
      old_status: 'recalled',
      new_status: 'recalled',
      recalled: false,
      unassigned: false,
      updated_at: expect.stringMatching(ISO_LOCAL),
    });
    expect(await historyOf('CASE_R1')).toEqual(historyBefore);
    expect((await caseOf('CASE_R1')).caseStatus).toBe('recalled');
  });

  it('an unassigned case is recalled without a history step', async () => {
    await push('/cases/import', { push_batch_no: 'B_R2', cases: [partnerCaseRow('CASE_R2')] });
    const res = await push('/case-recall', recall('CASE_R2', { recall_notes: undefined }));
    expect(res.body.data).toMatchObject({ old_status: 'pending_repayment', new_status: 'recalled', recalled: true, unassigned: false });
    expect(await historyOf('CASE_R2')).toEqual([]);
  });

  it('400 naming the field, 404 for an unknown case, 401 unsigned — nothing changed', async () => {
    await assignedCase('CASE_R3');
    const unchanged = async () => {
      const c = await caseOf('CASE_R3');
      expect({ status: c.caseStatus, collector: c.collectorId }).toEqual({ status: 'pending_repayment', collector: wang.id });
      expect(await historyOf('CASE_R3')).toEqual([{ kind: 'manual', from: null, to: wang.id }]);
      expect(await countOf(wang)).toBe(1);
    };
    expect(await push('/case-recall', recall('CASE_R3', { notify_type: 'case_settled' }))).toMatchObject(naming('notify_type'));
    expect(await push('/case-recall', recall('CASE_R3', { recall_reason: undefined }))).toMatchObject(naming('recall_reason'));
    expect(await push('/case-recall', recall('CASE_R3', { recall_reason: '' }))).toMatchObject(naming('recall_reason'));
    expect(await push('/case-recall', recall('CASE_R3', { notify_time: 'tonight' }))).toMatchObject(naming('notify_time'));
    expect(await push('/case-recall', { ...recall('CASE_R3'), case_code: undefined })).toMatchObject(naming('case_code'));
    expect(await push('/case-recall', recall('NO_SUCH_CASE'))).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'POST', '/api/v1/webhook/case-recall', { body: recall('CASE_R3') })).toMatchObject({ status: 401, body: error(401) });
    expect(await push('/case-recall', recall('CASE_R3'), { secret: 'wrong' })).toMatchObject({ status: 401, body: error(401) });
    await unchanged();
  });

  it('a settled case cannot be recalled: 400 naming case_status, nothing changed', async () => {
    await push('/cases/import', { push_batch_no: 'B_R4', cases: [partnerCaseRow('CASE_R4')] });
    await push('/case-settled', { notify_type: 'case_settled', case_code: 'CASE_R4', settlement_date: '2025-11-20' });
    expect(await push('/case-recall', recall('CASE_R4'))).toMatchObject(naming('case_status'));
    expect((await caseOf('CASE_R4')).caseStatus).toBe('settled');
  });

  it('a tenant whose business rules keep recalled cases with their collector: recalled, still assigned', async () => {
    const rule = await push('/business-rules', { rule_type: 'tenant_settings', rules: [{ rule_key: 'case_recall_unassigns', rule_value: false }] });
    expect(rule.status).toBe(200);
    await assignedCase('CASE_R5');
    const res = await push('/case-recall', recall('CASE_R5'));
    expect(res.body.data).toMatchObject({ old_status: 'pending_repayment', new_status: 'recalled', recalled: true, unassigned: false });
    expect((await caseOf('CASE_R5')).collectorId).toBe(wang.id);
    expect(await historyOf('CASE_R5')).toEqual([{ kind: 'manual', from: null, to: wang.id }]);
  });
});
