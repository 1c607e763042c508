import { Communication } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { call, CCO_TIME } from '../support/contract';
import { caseRow, collectionsOf, dispatches, recordedEvents, setUpImWorld, type ImWorld } from '../support/im-cases';

/** CCO collector app § 3 (cases) and § 4 (communications, call, WhatsApp, SMS) through adapter → router → collections. */
const platform = useTestPlatform();
let w: ImWorld;

const error = (code: number) => ({ code, message: expect.any(String), data: null });
const naming = (field: string) => ({ ...error(400), message: expect.stringContaining(field) });
const FORBIDDEN_CASE = { code: 403, message: '禁止访问（无权限访问该案件）', data: null };

beforeAll(async () => {
  w = await setUpImWorld(platform, 'IMC', [
    {
      to: 'A',
      row: caseRow('IMC_A1', {
        contact_phones: [
          { phone_number: '+63-917-111-1111', contact_name: '陈大明', relationship: '本人', is_primary: true },
          { phone_number: '+63-917-222-2222', contact_name: '王小红', relationship: '配偶' },
        ],
        repayment_history: [{ repayment_id: 'IMC_R1', repayment_date: '2025-10-15', repayment_amount: 1000, repayment_channel: 'bank_transfer' }],
        custom_fields: { employer: 'ABC公司', position: '软件工程师', monthly_income: 15000 },
      }),
    },
    { to: 'A', row: caseRow('IMC_A2', { mobile: '+63-918-555-0001', overdue_days: 75, outstanding_amount: 12000, case_priority: 'low', case_tags: ['老案'] }) },
    { to: 'A', row: caseRow('IMC_A3', { overdue_days: 40, case_priority: 'normal', case_tags: [], case_status: 'partial_repayment', outstanding_amount: 2000 }) },
    { to: 'B', row: caseRow('IMC_B1', { user_name: '李四' }) },
  ]);
});

const codes = (res: { body: { data: { items: Array<{ case_code: string }> } } }) => res.body.data.items.map((i) => i.case_code);
const rows = (caseId: number) => collectionsOf(platform).em().find(Communication, { caseId }, { orderBy: { id: 'asc' } });

describe('GET /api/v1/im/cases/my', () => {
  it('answers the documented list: the collector’s own cases, masked, most overdue first, with the summary', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/cases/my', { token: w.a });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total: 3,
        page: 1,
        size: 20,
        summary: { total_outstanding_amount: 18700, high_priority_count: 1, need_follow_up_count: 0 },
        items: [expect.objectContaining({ case_code: 'IMC_A2' }), expect.objectContaining({ case_code: 'IMC_A3' }), expect.objectContaining({ case_code: 'IMC_A1' })],
      },
    });
    expect(res.body.data.items[2]).toEqual({
      id: w.ids.IMC_A1,
      case_code: 'IMC_A1',
      user_name: '陈大明',
      mobile: '+63-917-***-**11',
      overdue_days: 15,
      loan_amount: 5000,
      outstanding_amount: 4700,
      case_status: 'pending_repayment',
      case_priority: 'high',
      case_tags: ['首逾', '高优先级'],
      assignment_info: { assigned_at: expect.stringMatching(CCO_TIME), days_in_hand: 0 },
      contact_info: { last_contact_at: null, last_contact_result: null, total_contact_count: 0, effective_contact_count: 0 },
      ptp_info: { has_ptp: false, latest_ptp_date: null, latest_ptp_amount: null, ptp_status: null },
      next_action: null,
    });
    expect(res.body.data.items[1]).toMatchObject({ case_priority: 'medium', case_status: 'partial_repayment' });
  });

  it('filters by status, priority, overdue days, keyword, last contact and PTP; sorts and pages', async () => {
    const my = (qs: string) => call(platform.app, 'GET', `/api/v1/im/cases/my?${qs}`, { token: w.a });
    expect(codes(await my('status=pending'))).toEqual(['IMC_A2', 'IMC_A1']);
    expect(codes(await my('status=in_progress'))).toEqual(['IMC_A3']);
    expect(codes(await my('status=resolved'))).toEqual([]);
    expect(codes(await my('priority=high'))).toEqual(['IMC_A1']);
    expect(codes(await my('priority=medium'))).toEqual(['IMC_A3']);
    expect(codes(await my('overdue_days_min=30&overdue_days_max=60'))).toEqual(['IMC_A3']);
    expect(codes(await my('search=IMC_A'))).toEqual(['IMC_A2', 'IMC_A3', 'IMC_A1']);
    expect(codes(await my('search=%2B63-918'))).toEqual(['IMC_A2']);
    expect(codes(await my('search=IMC_B'))).toEqual([]);
    expect(codes(await my('last_contact_days=3'))).toHaveLength(3);
    expect(codes(await my('has_ptp=true'))).toEqual([]);
    expect(codes(await my('has_ptp=false'))).toHaveLength(3);
    expect(codes(await my('sort=outstanding_amount&order=asc'))).toEqual(['IMC_A3', 'IMC_A1', 'IMC_A2']);
    expect(codes(await my('sort=overdue_days&order=asc'))).toEqual(['IMC_A1', 'IMC_A3', 'IMC_A2']);
    const page2 = await my('size=2&page=2');
    expect(page2.body.data).toMatchObject({ total: 3, page: 2, size: 2, summary: { total_outstanding_amount: 18700 } });
    expect(codes(page2)).toEqual(['IMC_A1']);
  });

  it('a team leader sees the team’s cases; an admin the tenant’s, unmasked', async () => {
    expect(codes(await call(platform.app, 'GET', '/api/v1/im/cases/my?search=IMC', { token: w.leader }))).toEqual(['IMC_A2', 'IMC_A3', 'IMC_B1', 'IMC_A1']);
    const admin = await call(platform.app, 'GET', '/api/v1/im/cases/my?search=IMC_B', { token: w.admin });
    expect(admin.body.data.items).toEqual([expect.objectContaining({ case_code: 'IMC_B1', mobile: '+63-917-111-1111' })]);
  });

  it('400 naming the parameter; 401 without a token', async () => {
    for (const [qs, field] of [['status=open', 'status'], ['priority=urgent', 'priority'], ['sort=user_name', 'sort'], ['order=up', 'order'], ['size=101', 'size'], ['page=0', 'page'], ['has_ptp=yes', 'has_ptp'], ['overdue_days_min=-1', 'overdue_days_min']]) {
      expect(await call(platform.app, 'GET', `/api/v1/im/cases/my?${qs}`, { token: w.a })).toMatchObject({ status: 400, body: naming(field) });
    }
    expect(await call(platform.app, 'GET', '/api/v1/im/cases/my')).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('GET /api/v1/im/cases/quick-filter', () => {
  it('counts every quick filter in the caller’s cases and narrows the list by filter_type', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/cases/quick-filter?filter_type=long_overdue', { token: w.a });
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['IMC_A2']);
    expect(res.body.data).toMatchObject({ total: 1, page: 1, size: 20, summary: { total_outstanding_amount: 12000, high_priority_count: 0, need_follow_up_count: 0 } });
    expect(res.body.data.quick_filters).toEqual([
      { filter_type: 'today_assigned', name: '今日新分配', count: 3 },
      { filter_type: 'never_contacted', name: '从未联系', count: 3 },
      { filter_type: 'need_follow_up', name: '需要跟进', count: 0 },
      { filter_type: 'high_priority', name: '高优先级', count: 1 },
      { filter_type: 'long_overdue', name: '长期逾期（>60天）', count: 1 },
      { filter_type: 'high_amount', name: '大额案件（>10000）', count: 1 },
      { filter_type: 'recently_contacted', name: '最近联系过（3天内）', count: 0 },
    ]);
    expect(codes(await call(platform.app, 'GET', '/api/v1/im/cases/quick-filter?filter_type=high_amount', { token: w.a }))).toEqual(['IMC_A2']);
    expect(codes(await call(platform.app, 'GET', '/api/v1/im/cases/quick-filter', { token: w.a }))).toHaveLength(3);
  });

  it('400 for an unknown filter_type; 401 without a token', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/im/cases/quick-filter?filter_type=lost', { token: w.a })).toMatchObject({ status: 400, body: naming('filter_type') });
    expect(await call(platform.app, 'GET', '/api/v1/im/cases/quick-filter')).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('POST /api/v1/im/cases/search', () => {
  it('keyword, overdue and amount ranges and tags narrow the caller’s cases', async () => {
    const search = (body: unknown) => call(platform.app, 'POST', '/api/v1/im/cases/search', { token: w.a, body });
    const res = await search({ keyword: '陈大明', filters: { overdue_days: { min: 10, max: 30 }, outstanding_amount: { min: 4000 }, case_tags: ['首逾'] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 200, data: { total: 1, page: 1, size: 20, items: [{ case_code: 'IMC_A1', mobile: '+63-917-***-**11' }] } });
    expect(codes(await search({ filters: { case_tags: ['老案'] } }))).toEqual(['IMC_A2']);
    expect(codes(await search({ filters: { outstanding_amount: { min: 5000 } } }))).toEqual(['IMC_A2']);
    expect(codes(await search({ keyword: '李四' }))).toEqual([]);
  });

  it('400 naming the field; 401 without a token', async () => {
    const search = (body: unknown) => call(platform.app, 'POST', '/api/v1/im/cases/search', { token: w.a, body });
    expect(await search({ filters: { overdue_days: { min: 'x' } } })).toMatchObject({ status: 400, body: naming('overdue_days') });
    expect(await search({ filters: { outstanding_amount: { min: 1.005 } } })).toMatchObject({ status: 400, body: naming('outstanding_amount') });
    expect(await search({ filters: { case_tags: 'x' } })).toMatchObject({ status: 400, body: naming('case_tags') });
    expect(await search({ size: 101 })).toMatchObject({ status: 400, body: naming('size') });
    expect(await call(platform.app, 'POST', '/api/v1/im/cases/search', { body: {} })).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('GET /api/v1/im/cases/{case_id}', () => {
  it('answers every documented section with personal data masked', async () => {
    const res = await call(platform.app, 'GET', `/api/v1/im/cases/${w.ids.IMC_A1}`, { token: w.a });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        id: w.ids.IMC_A1,
        case_code: 'IMC_A1',
        case_status: 'pending_repayment',
        case_priority: 'high',
        case_tags: ['首逾', '高优先级'],
        customer_info: {
          user_id: 'USER_IMC_A1',
          user_name: '陈大明',
          mobile: '+63-917-***-**11',
          email: 'u***@example.com',
          id_number: 'ID***456',
          gender: 'M',
          date_of_birth: '1990-05-15',
          address: '马尼拉市中心区黎***',
          // the partner import carries no kyc_level
          kyc_level: null,
        },
        employment_info: { employer: 'ABC公司', position: '软件工程师', monthly_income: 15000 },
        emergency_contacts: [
          { id: expect.any(Number), contact_name: '王小红', relationship: '配偶', mobile: '+63-917-***-**22', is_verified: false, last_contact_at: null, last_contact_result: null },
        ],
        loan_info: { loan_id: 'LOAN_IMC_A1', loan_product_name: '快速贷', loan_amount: 5000, loan_date: '2025-10-01', loan_term: 30, due_date: '2025-11-05', interest_rate: 0.15 },
        repayment_info: {
          repaid_amount: 1000,
          outstanding_principal: 4000,
          outstanding_interest: 500,
          outstanding_penalty: 200,
          outstanding_amount: 4700,
          overdue_days: 15,
          overdue_start_date: '2025-11-06',
          daily_penalty: null,
        },
        repayment_history: [{ id: expect.any(Number), repayment_date: '2025-10-15', repayment_amount: 1000, repayment_channel: 'bank_transfer', transaction_no: null }],
        communication_history: [],
        ptp_records: [],
        assignment_history: [{ id: expect.any(Number), assigned_to: '王小明', assigned_at: expect.stringMatching(CCO_TIME), assigned_by: '管理员' }],
      },
    });
  });

  it('another collector’s case is 403 无权限访问该案件; an unknown one 404; a bad id 400; no token 401', async () => {
    expect(await call(platform.app, 'GET', `/api/v1/im/cases/${w.ids.IMC_B1}`, { token: w.a })).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
    expect(await call(platform.app, 'GET', '/api/v1/im/cases/99999999', { token: w.a })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'GET', '/api/v1/im/cases/abc', { token: w.a })).toMatchObject({ status: 400, body: naming('case_id') });
    expect(await call(platform.app, 'GET', `/api/v1/im/cases/${w.ids.IMC_A1}`)).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('POST /api/v1/im/cases/{case_id}/communication and GET …/communications', () => {
  const body = {
    contact_method: 'phone',
    contact_phone: '+63-917-***-**22',
    contact_result: '接通',
    communication_content: '客户表示下周一还款2000元，态度良好',
    call_duration_seconds: 180,
    audio_url: 'https://cdn.example.com/audio/call_001.mp3',
    contact_person: '配偶',
    next_follow_up_at: '2099-11-25T10:00:00',
    tags: ['还款意愿强', '有还款能力'],
  };

  it('records the communication (沟通记录保存成功 {id, case_id, created_at}); a full number the debtor gave is kept', async () => {
    const res = await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A2}/communication`, { token: w.a, body: { ...body, contact_phone: '+63-917-333-3333', contact_person: '本人' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '沟通记录保存成功', data: { id: expect.any(Number), case_id: w.ids.IMC_A2, created_at: expect.stringMatching(CCO_TIME) } });
    expect(await rows(w.ids.IMC_A2)).toEqual([expect.objectContaining({ id: res.body.data.id, contactPhone: '+63-917-333-3333', collectorId: w.collectorA })]);
  });

  it('resolves a masked number to the case’s contact, moves the list’s contact info and next action', async () => {
    const res = await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A1}/communication`, { token: w.a, body });
    expect(res.status).toBe(200);
    const [saved] = await rows(w.ids.IMC_A1);
    expect(saved).toMatchObject({ id: res.body.data.id, contactPhone: '+63-917-222-2222', contactResult: '接通', contactPerson: '配偶', callDurationSeconds: 180, audioUrl: body.audio_url, tags: body.tags });
    const list = await call(platform.app, 'GET', '/api/v1/im/cases/my?search=IMC_A1', { token: w.a });
    expect(list.body.data.items[0]).toMatchObject({
      contact_info: { last_contact_at: expect.stringMatching(CCO_TIME), last_contact_result: '接通', total_contact_count: 1, effective_contact_count: 1 },
      next_action: { action_type: 'follow_up', action_time: '2099-11-25 10:00:00', action_note: '预约回拨' },
    });
    expect(list.body.data.summary.need_follow_up_count).toBe(1);
  });

  it('offline sync: the same client_id sent three times is stored once and answers the same record', async () => {
    const offline = { contact_method: 'visit', contact_result: '未接通', communication_content: '上门未见到人', contact_time: '2025-11-20 10:00:00', client_id: 'LOCAL-7f3c2a' };
    const answers: Array<Awaited<ReturnType<typeof call>>> = [];
    for (let i = 0; i < 3; i++) answers.push(await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A3}/communication`, { token: w.a, body: offline }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1);
    expect(answers[2].body.data).toEqual(answers[0].body.data);
    const saved = await rows(w.ids.IMC_A3);
    expect(saved.filter((c) => c.clientId === 'LOCAL-7f3c2a')).toHaveLength(1);
    // One write-back to the tenant's core system, not three.
    const events = await recordedEvents(platform, 'communication.recorded');
    expect(events.filter((e) => (e.payload as { communicationId: number }).communicationId === answers[0].body.data.id)).toHaveLength(1);
    // The same client id on another case is the client's mistake: 409, nothing written.
    expect(await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A1}/communication`, { token: w.a, body: offline })).toMatchObject({ status: 409, body: error(409) });
  });

  it('400 naming the field, 403 on another collector’s case, 404 unknown; nothing is written', async () => {
    const before = (await rows(w.ids.IMC_A1)).length;
    const post = (id: number, b: unknown, token = w.a) => call(platform.app, 'POST', `/api/v1/im/cases/${id}/communication`, { token, body: b });
    for (const [bad, field] of [
      [{ ...body, contact_method: 'fax' }, 'contact_method'],
      [{ ...body, contact_result: '好' }, 'contact_result'],
      [{ ...body, contact_person: '邻居' }, 'contact_person'],
      [{ ...body, call_duration_seconds: -1 }, 'call_duration_seconds'],
      [{ ...body, next_follow_up_at: 'tomorrow' }, 'next_follow_up_at'],
      [{ contact_result: '接通' }, 'contact_method'],
      // a masked number must be one of the case's own
      [{ ...body, contact_phone: '+63-917-***-**99' }, 'contact_phone'],
    ] as const) {
      expect(await post(w.ids.IMC_A1, bad)).toMatchObject({ status: 400, body: naming(field) });
    }
    expect(await post(w.ids.IMC_B1, body)).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
    expect(await post(99999999, body)).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A1}/communication`, { body })).toMatchObject({ status: 401, body: error(401) });
    expect((await rows(w.ids.IMC_A1)).length).toBe(before);
    expect(await rows(w.ids.IMC_B1)).toHaveLength(0);
  });

  it('lists a case’s communications newest first, by method and result, paged', async () => {
    await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A1}/communication`, { token: w.a, body: { contact_method: 'sms', contact_result: '未接通', communication_content: '短信提醒' } });
    const res = await call(platform.app, 'GET', `/api/v1/im/cases/${w.ids.IMC_A1}/communications`, { token: w.a });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total: 2,
        page: 1,
        size: 20,
        items: [
          { id: expect.any(Number), contact_time: expect.stringMatching(CCO_TIME), contact_method: 'sms', contact_result: '未接通', communication_content: '短信提醒', collector_name: '王小明', call_duration_seconds: null },
          { id: expect.any(Number), contact_time: expect.stringMatching(CCO_TIME), contact_method: 'phone', contact_result: '接通', communication_content: body.communication_content, collector_name: '王小明', call_duration_seconds: 180 },
        ],
      },
    });
    const only = (qs: string) => call(platform.app, 'GET', `/api/v1/im/cases/${w.ids.IMC_A1}/communications?${qs}`, { token: w.a });
    expect((await only('contact_method=phone')).body.data.items.map((i: { contact_method: string }) => i.contact_method)).toEqual(['phone']);
    expect((await only('contact_result=未接通')).body.data.total).toBe(1);
    expect((await only('size=1&page=2')).body.data).toMatchObject({ total: 2, page: 2, size: 1, items: [{ contact_method: 'phone' }] });
    expect(await only('contact_method=fax')).toMatchObject({ status: 400, body: naming('contact_method') });
    expect(await call(platform.app, 'GET', `/api/v1/im/cases/${w.ids.IMC_B1}/communications`, { token: w.a })).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
    expect(await call(platform.app, 'GET', `/api/v1/im/cases/${w.ids.IMC_A1}/communications`)).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('POST /api/v1/im/cases/{case_id}/call, /whatsapp, /sms through the providers', () => {
  it('call: the telephony provider dials the number the server resolves; the call is recorded on the case', async () => {
    const res = await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A2}/call`, { token: w.a, body: { phone_number: '+63-918-***-**01', contact_person: '本人' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: { call_id: expect.stringMatching(/^CALL_/), call_url: expect.stringMatching(/^sip:call_\w+@pbx\.local$/), status: 'connecting', communication_id: expect.any(Number) },
    });
    const [sent] = await dispatches(platform, w.admin, w.ids.IMC_A2);
    expect(sent).toMatchObject({ channel: 'call', to: '+63-918-555-0001', providerRef: res.body.data.call_id, status: 'connecting', reference: String(res.body.data.communication_id) });
    const saved = (await rows(w.ids.IMC_A2)).find((c) => c.id === res.body.data.communication_id);
    expect(saved).toMatchObject({ contactMethod: 'phone', contactPhone: '+63-918-555-0001', contactResult: 'connecting', contactPerson: '本人', providerRef: res.body.data.call_id });
  });

  it('whatsapp and sms: the template goes through each provider to the chosen contact; each is a communication', async () => {
    const contact = (await call(platform.app, 'GET', `/api/v1/im/cases/${w.ids.IMC_A1}`, { token: w.a })).body.data.emergency_contacts[0].id;
    const variables = { customer_name: '陈大明', outstanding_amount: '4700.00' };
    const wa = await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A1}/whatsapp`, { token: w.a, body: { contact_id: String(contact), message_template: 'REMIND_PAYMENT', variables } });
    expect(wa.status).toBe(200);
    expect(wa.body).toEqual({ code: 200, message: '发送成功', data: { message_id: expect.stringMatching(/^WA_/), status: 'sent', communication_id: expect.any(Number) } });
    const sms = await call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A1}/sms`, { token: w.a, body: { phone_number: '+63-917-***-**11', message_template: 'REMIND_PAYMENT', variables } });
    expect(sms.body).toEqual({ code: 200, message: '发送成功', data: { message_id: expect.stringMatching(/^SMS_/), status: 'sent', communication_id: expect.any(Number) } });
    const sent = await dispatches(platform, w.admin, w.ids.IMC_A1);
    expect(sent.slice(0, 2)).toEqual([
      { channel: 'sms', to: '+63-917-111-1111', template: 'REMIND_PAYMENT', variables: JSON.stringify(variables), providerRef: sms.body.data.message_id, status: 'sent', reference: String(sms.body.data.communication_id) },
      { channel: 'whatsapp', to: '+63-917-222-2222', template: 'REMIND_PAYMENT', variables: JSON.stringify(variables), providerRef: wa.body.data.message_id, status: 'sent', reference: String(wa.body.data.communication_id) },
    ]);
    const saved = await rows(w.ids.IMC_A1);
    expect(saved.find((c) => c.id === wa.body.data.communication_id)).toMatchObject({ contactMethod: 'whatsapp', contactPhone: '+63-917-222-2222', contactPerson: '配偶', providerRef: wa.body.data.message_id });
    expect(saved.find((c) => c.id === sms.body.data.communication_id)).toMatchObject({ contactMethod: 'sms', contactPhone: '+63-917-111-1111', providerRef: sms.body.data.message_id });
    // Each is written back to the tenant's core system like any communication.
    const events = await recordedEvents(platform, 'communication.recorded');
    expect(events.map((e) => (e.payload as { communicationId: number }).communicationId)).toEqual(expect.arrayContaining([wa.body.data.communication_id, sms.body.data.communication_id]));
  });

  it('a retry with the same client_id answers the first result and sends nothing again', async () => {
    const send = () => call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A3}/sms`, { token: w.a, body: { message_template: 'PAID_THANKS', client_id: 'LOCAL-sms-1' } });
    const first = await send();
    const again = await send();
    expect(again.body).toEqual(first.body);
    expect((await dispatches(platform, w.admin, w.ids.IMC_A3)).filter((d) => d.providerRef === first.body.data.message_id)).toHaveLength(1);
    const callTwice = () => call(platform.app, 'POST', `/api/v1/im/cases/${w.ids.IMC_A3}/call`, { token: w.a, body: { client_id: 'LOCAL-call-1' } });
    const dialled = await callTwice();
    expect((await callTwice()).body).toEqual(dialled.body);
    expect((await dispatches(platform, w.admin, w.ids.IMC_A3)).filter((d) => d.channel === 'call')).toHaveLength(1);
  });

  it('400 naming the field, 403 on another collector’s case, 404 unknown, 401 anonymous; nothing is sent or recorded', async () => {
    const sentBefore = (await dispatches(platform, w.admin, w.ids.IMC_A1)).length;
    const rowsBefore = (await rows(w.ids.IMC_A1)).length;
    const post = (path: string, b: unknown, token?: string) => call(platform.app, 'POST', path, { token, body: b });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/call`, { phone_number: '+63-999-000-0000' }, w.a)).toMatchObject({ status: 400, body: naming('phone_number') });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/call`, { contact_id: '99999999' }, w.a)).toMatchObject({ status: 400, body: naming('contact_id') });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/call`, { contact_person: '邻居' }, w.a)).toMatchObject({ status: 400, body: naming('contact_person') });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/whatsapp`, {}, w.a)).toMatchObject({ status: 400, body: naming('message_template') });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/whatsapp`, { message_template: 'REMIND PAYMENT' }, w.a)).toMatchObject({ status: 400, body: naming('message_template') });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/sms`, { message_template: 'REMIND_PAYMENT', variables: { amount: 4700 } }, w.a)).toMatchObject({ status: 400, body: naming('variables') });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/sms`, { message_template: 'REMIND_PAYMENT', phone_number: '+63-917-***-**99' }, w.a)).toMatchObject({ status: 400, body: naming('phone_number') });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_B1}/call`, {}, w.a)).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_B1}/whatsapp`, { message_template: 'REMIND_PAYMENT' }, w.a)).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_B1}/sms`, { message_template: 'REMIND_PAYMENT' }, w.a)).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
    expect(await post('/api/v1/im/cases/99999999/sms', { message_template: 'REMIND_PAYMENT' }, w.a)).toMatchObject({ status: 404, body: error(404) });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/call`, {})).toMatchObject({ status: 401, body: error(401) });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/whatsapp`, { message_template: 'REMIND_PAYMENT' })).toMatchObject({ status: 401, body: error(401) });
    expect(await post(`/api/v1/im/cases/${w.ids.IMC_A1}/sms`, { message_template: 'REMIND_PAYMENT' })).toMatchObject({ status: 401, body: error(401) });
    expect(await dispatches(platform, w.admin, w.ids.IMC_A1)).toHaveLength(sentBefore);
    expect(await dispatches(platform, w.admin, w.ids.IMC_B1)).toHaveLength(0);
    expect((await rows(w.ids.IMC_A1)).length).toBe(rowsBefore);
    expect(await rows(w.ids.IMC_B1)).toHaveLength(0);
  });
});
