import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant } from '@platform/kit';
import { CollectionCase, Repayment } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken } from '../support/contract';
import { issuePartnerKey, partnerCaseRow, signedPush, type PartnerKey, type Signing } from '../support/partner';

const platform = useTestPlatform();
const ISO_LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;
let superadmin: string;
let demoId: number;
let key: PartnerKey;

const error = (code: number) => ({ code, message: expect.any(String), data: null });
const naming = (field: string) => ({ ...error(400), message: expect.stringContaining(field) });

function em(): EntityManager {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as { orm: { em: EntityManager } };
  return forkForTenant(runtime.orm.em, null);
}

const push = (path: string, body: unknown, signing: Signing = {}) => signedPush(platform.app, key, path, body, signing);
const row = partnerCaseRow;

const caseState = async (code: string) => {
  const c = await em().findOne(CollectionCase, { caseCode: code });
  return c && { status: c.caseStatus, repaid: c.repaidAmount.toFixed(2), outstanding: c.outstandingAmount.toFixed(2) };
};
const caseCount = () => em().count(CollectionCase, {});
const repaymentCount = () => em().count(Repayment, {});

beforeAll(async () => {
  superadmin = await ccoAdminToken(platform.app, 'superadmin', '123456');
  const tenants = (await call(platform.app, 'GET', '/api/v1/tenants', { token: superadmin })).body.data.items;
  demoId = tenants.find((t: { tenant_code: string }) => t.tenant_code === 'DEMO').id;
  key = await issuePartnerKey(platform.app, superadmin, demoId, 'core system');
});

describe('POST /api/v1/webhook/cases/import (§ 2.1)', () => {
  const batch = {
    push_time: '2025-11-20T08:00:00',
    push_batch_no: 'BATCH_20251120_001',
    cases: [row('CASE_001'), row('CASE_002'), row('CASE_099', { mobile: 'not a phone' })],
  };

  let firstAnswer: unknown;

  it('imports the valid cases and answers the documented body', async () => {
    const res = await push('/cases/import', batch);
    firstAnswer = res.body;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '接收成功',
      data: {
        push_batch_no: 'BATCH_20251120_001',
        received_time: expect.stringMatching(ISO_LOCAL),
        total: 3,
        success: 2,
        failed: 1,
        errors: [{ case_code: 'CASE_099', error: 'mobile格式错误' }],
      },
    });
    expect(await caseState('CASE_001')).toEqual({ status: 'pending_repayment', repaid: '1000.00', outstanding: '4000.00' });
    expect(await caseCount()).toBe(2);
  });

  it('a repeated push_batch_no answers the first result and applies nothing', async () => {
    const again = await push('/cases/import', { ...batch, cases: [row('CASE_NEW'), row('CASE_001', { outstanding_amount: 1 })] });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(firstAnswer);
    expect(again.body.data.total).toBe(3);
    expect(await caseCount()).toBe(2);
    expect((await caseState('CASE_001'))?.outstanding).toBe('4000.00');
  });

  it('a bad body is 400 naming the field, with nothing applied', async () => {
    const before = await caseCount();
    expect(await push('/cases/import', { cases: [row('CASE_X1')] })).toMatchObject({ status: 400, body: naming('push_batch_no') });
    expect(await push('/cases/import', { push_batch_no: 'B2', cases: [] })).toMatchObject({ status: 400, body: naming('cases') });
    expect(await push('/cases/import', { push_batch_no: 'B3', cases: 'x' })).toMatchObject({ status: 400, body: naming('cases') });
    // Unsigned (no partner headers at all): 401 before the body is read.
    expect(await call(platform.app, 'POST', '/api/v1/webhook/cases/import', { body: { push_batch_no: 'B4', cases: [row('CASE_X4')] } })).toMatchObject({
      status: 401,
      body: error(401),
    });
    expect(await caseCount()).toBe(before);
  });
});

// Authentication (signature, time window, tenant, key, replay) on every partner route: cco-partner-auth.test.ts.

describe('POST /api/v1/webhook/repayments (§ 2.3) and /repayment-notify (§ 5.1)', () => {
  const repayment = {
    repayment_id: 'PAY_002',
    case_code: 'CASE_002',
    user_id: 'USER_CASE_002',
    repayment_amount: 2000.0,
    repayment_date: '2025-11-20T15:00:00',
    repayment_channel: 'bank_transfer',
    transaction_no: 'TXN123456789',
    notes: '银行转账',
  };

  it('applies a repayment to the case', async () => {
    const res = await push('/repayments', repayment);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '接收成功',
      data: {
        repayment_id: 'PAY_002',
        case_code: 'CASE_002',
        repayment_amount: 2000,
        applied: true,
        case_status: 'partial_repayment',
        repaid_amount: 3000,
        outstanding_amount: 2000,
        received_time: expect.stringMatching(ISO_LOCAL),
      },
    });
    expect(await caseState('CASE_002')).toEqual({ status: 'partial_repayment', repaid: '3000.00', outstanding: '2000.00' });
  });

  it('the same repayment_id through repayment-notify is applied once', async () => {
    const before = await repaymentCount();
    const res = await push('/repayment-notify', {
      notify_type: 'repayment_success',
      notify_time: '2025-11-20T15:00:00',
      case_code: 'CASE_002',
      user_id: 'USER_CASE_002',
      repayment_id: 'PAY_002',
      repayment_amount: 2000.0,
      transaction_time: '2025-11-20T14:58:30',
      repayment_channel: 'bank_transfer',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ repayment_id: 'PAY_002', applied: false, repaid_amount: 3000, outstanding_amount: 2000 });
    expect(await repaymentCount()).toBe(before);
    expect(await caseState('CASE_002')).toEqual({ status: 'partial_repayment', repaid: '3000.00', outstanding: '2000.00' });
  });

  it('repayment-notify settles the case when it pays the rest', async () => {
    const res = await push('/repayment-notify', {
      notify_type: 'repayment_success',
      case_code: 'CASE_002',
      repayment_id: 'PAY_003',
      repayment_amount: '2000.00',
      transaction_time: '2025-11-20T16:00:00',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ applied: true, case_status: 'settled', outstanding_amount: 0 });
  });

  it('bad bodies are 400 naming the field, an unknown case 404, a bad signature 401 — nothing applied', async () => {
    const before = await repaymentCount();
    expect(await push('/repayments', { ...repayment, repayment_id: 'PAY_X', repayment_amount: -5 })).toMatchObject({ status: 400, body: naming('repayment_amount') });
    expect(await push('/repayments', { ...repayment, repayment_id: undefined })).toMatchObject({ status: 400, body: naming('repayment_id') });
    expect(await push('/repayments', { ...repayment, repayment_id: 'PAY_X', repayment_date: 'yesterday' })).toMatchObject({ status: 400, body: naming('repayment_date') });
    expect(await push('/repayment-notify', { case_code: 'CASE_001', repayment_id: 'PAY_Y', repayment_amount: 1, transaction_time: '2025-11-20T16:00:00' })).toMatchObject({
      status: 400,
      body: naming('notify_type'),
    });
    expect(await push('/repayments', '{not json')).toMatchObject({ status: 400 });
    expect(await push('/repayments', { ...repayment, repayment_id: 'PAY_Z', case_code: 'NO_SUCH_CASE' })).toMatchObject({ status: 404, body: error(404) });
    expect(await push('/repayments', { ...repayment, repayment_id: 'PAY_W' }, { secret: 'wrong' })).toMatchObject({ status: 401, body: error(401) });
    // Unsigned (no partner headers at all, as a stranger would send): 401 before the body is read.
    expect(await call(platform.app, 'POST', '/api/v1/webhook/repayments', { body: { ...repayment, repayment_id: 'PAY_V' } })).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'POST', '/api/v1/webhook/repayment-notify', { body: { repayment_id: 'PAY_V' } })).toMatchObject({ status: 401, body: error(401) });
    expect(await repaymentCount()).toBe(before);
    expect((await caseState('CASE_001'))?.repaid).toBe('1000.00');
  });
});

describe('POST /api/v1/webhook/cases/status-update (§ 2.2)', () => {
  it('changes the status and answers the documented body', async () => {
    const res = await push('/cases/status-update', {
      case_code: 'CASE_001',
      update_time: '2025-11-20T14:30:00',
      case_status: 'settled',
      repaid_amount: 5000.0,
      outstanding_amount: 0.0,
      settlement_date: '2025-11-20',
      notes: '客户已全额还款',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '状态更新成功',
      data: { case_code: 'CASE_001', old_status: 'pending_repayment', new_status: 'settled', updated_at: expect.stringMatching(ISO_LOCAL) },
    });
    expect(await caseState('CASE_001')).toEqual({ status: 'settled', repaid: '5000.00', outstanding: '0.00' });
    expect((await em().findOne(CollectionCase, { caseCode: 'CASE_001' }))?.settlementDate).toBe('2025-11-20');
  });

  it('bad bodies are 400 naming the field, an unknown case 404, unsigned 401 — nothing changed', async () => {
    expect(await push('/cases/status-update', { case_code: 'CASE_001', case_status: 'bogus' })).toMatchObject({ status: 400, body: naming('case_status') });
    expect(await push('/cases/status-update', { case_status: 'closed' })).toMatchObject({ status: 400, body: naming('case_code') });
    expect(await push('/cases/status-update', { case_code: 'CASE_001', case_status: 'pending_repayment' })).toMatchObject({ status: 400, body: naming('case_status') });
    expect(await push('/cases/status-update', { case_code: 'NO_SUCH', case_status: 'closed' })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'POST', '/api/v1/webhook/cases/status-update', { body: { case_code: 'CASE_001', case_status: 'closed' } })).toMatchObject({
      status: 401,
      body: error(401),
    });
    expect(await caseState('CASE_001')).toEqual({ status: 'settled', repaid: '5000.00', outstanding: '0.00' });
  });
});

describe('POST /api/v1/webhook/case-settled (§ 5.2)', () => {
  it('settles the case on the settlement date; a repeated notice changes nothing', async () => {
    await push('/cases/import', { push_batch_no: 'BATCH_SETTLE', cases: [row('CASE_S1')] });
    const notice = { notify_type: 'case_settled', notify_time: '2025-11-20T15:05:00', case_code: 'CASE_S1', user_id: 'USER_CASE_S1', settlement_date: '2025-11-20', final_repayment_amount: 5000.0 };
    const res = await push('/case-settled', notice);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '接收成功',
      data: { case_code: 'CASE_S1', old_status: 'pending_repayment', new_status: 'settled', updated_at: expect.stringMatching(ISO_LOCAL) },
    });
    expect(await caseState('CASE_S1')).toEqual({ status: 'settled', repaid: '1000.00', outstanding: '0.00' });
    const again = await push('/case-settled', { ...notice, settlement_date: '2025-11-21' });
    expect(again.body.data).toMatchObject({ old_status: 'settled', new_status: 'settled' });
    expect((await em().findOne(CollectionCase, { caseCode: 'CASE_S1' }))?.settlementDate).toBe('2025-11-20');
  });

  it('bad bodies are 400 naming the field, unknown case 404, unsigned 401', async () => {
    expect(await push('/case-settled', { notify_type: 'case_settled', case_code: 'CASE_002' })).toMatchObject({ status: 400, body: naming('settlement_date') });
    expect(await push('/case-settled', { notify_type: 'other', case_code: 'CASE_002', settlement_date: '2025-11-20' })).toMatchObject({ status: 400, body: naming('notify_type') });
    expect(await push('/case-settled', { notify_type: 'case_settled', case_code: 'NO_SUCH', settlement_date: '2025-11-20' })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'POST', '/api/v1/webhook/case-settled', { body: { notify_type: 'case_settled' } })).toMatchObject({ status: 401, body: error(401) });
  });
});
