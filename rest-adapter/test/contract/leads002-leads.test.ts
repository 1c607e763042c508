import { useTestPlatform } from '../support/platform';
import { call, JSON_DATE } from '../support/contract';

const platform = useTestPlatform();
const TOTAL_TIME = /^\d+ms$/;
const perf = { totalTime: expect.stringMatching(TOTAL_TIME) };
/** Success bodies: the adapter's total time and the subgraphs' measured SQL time. */
const measured = { totalTime: expect.stringMatching(TOTAL_TIME), dbTime: expect.stringMatching(TOTAL_TIME) };
const fail = (message: string | RegExp) => ({
  success: false,
  message: typeof message === 'string' ? message : expect.stringMatching(message),
  performance: perf,
});
const LOCAL_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
const HIGH = encodeURIComponent('高');

let admin: string;
let service: string;
let serviceId: number;
let sales: string;
let salesId: number;

async function login(username: string, password: string): Promise<{ token: string; id: number }> {
  const res = await call(platform.app, 'POST', '/api/users/login', { body: { username, password } });
  return { token: res.body.data.token, id: res.body.data.user.id };
}

async function register(username: string, role: string) {
  const res = await call(platform.app, 'POST', '/api/users/register', { token: admin, body: { username, password: '123456', nickname: username, role } });
  if (res.status !== 200) throw new Error(`register ${username}: ${JSON.stringify(res.body)}`);
  return login(username, '123456');
}

const newLead = (fields: Record<string, unknown> = {}) => ({
  customer_nickname: '张三',
  source_platform: '抖音',
  source_account: 'douyin123',
  contact_account: '13800000000',
  lead_time: '2024-06-01 10:00:00',
  is_contacted: 1,
  intention_level: '高',
  is_deal: 0,
  deal_date: null,
  follow_up_content: '客户首次进线索，需要进一步跟进',
  current_follower: salesId,
  ...fields,
});

async function createLead(token = service, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await call(platform.app, 'POST', '/api/leads', { token, body: newLead(fields) });
  if (res.status !== 200) throw new Error(`create lead: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const total = async () => (await call(platform.app, 'GET', '/api/leads', { token: admin })).body.total as number;

beforeAll(async () => {
  admin = (await login('admin', 'Admin123456')).token;
  ({ token: service, id: serviceId } = await register('kefu_lead', 'service'));
  ({ token: sales, id: salesId } = await register('sales_lead', 'sales'));
  // identity announces new users by event: leads accepts the follower once it has heard of them.
  for (let i = 0; i < 200; i++) {
    const res = await call(platform.app, 'POST', '/api/leads', { token: admin, body: newLead({ customer_nickname: '探测' }) });
    if (res.status === 200) {
      await call(platform.app, 'DELETE', `/api/leads/${res.body.id}`, { token: admin });
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('leads never learned the sales user');
}, 30_000); // the probe alone may take 5 s on a loaded machine

describe('POST /api/leads', () => {
  it('creates the lead and its first follow-up', async () => {
    const res = await call(platform.app, 'POST', '/api/leads', { token: service, body: newLead() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, id: expect.any(Number), followUpId: expect.any(Number), createdFollowUp: true, performance: measured });
  });

  it('create_follow_up false creates no follow-up', async () => {
    const res = await call(platform.app, 'POST', '/api/leads', { token: service, body: newLead({ create_follow_up: false, follow_up_content: undefined }) });
    expect(res.body).toMatchObject({ success: true, followUpId: null, createdFollowUp: false });
  });

  it.each([
    ['current_follower', { current_follower: undefined }],
    ['follow_up_content', { follow_up_content: undefined }],
    ['intention_level', { intention_level: '特高' }],
    ['lead_time', { lead_time: 'yesterday' }],
    ['is_contacted', { is_contacted: 2 }],
  ])('400 naming %s, and nothing is created', async (field, change) => {
    const before = await total();
    const res = await call(platform.app, 'POST', '/api/leads', { token: service, body: newLead(change) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(fail(new RegExp(field)));
    expect(await total()).toBe(before);
  });

  it('a follower who is not a sales user is 400 naming current_follower, and nothing is created', async () => {
    const before = await total();
    const res = await call(platform.app, 'POST', '/api/leads', { token: service, body: newLead({ current_follower: serviceId }) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(fail(/current_follower/));
    expect(await total()).toBe(before);
  });

  it('a follower who is not a user of the tenant is 404', async () => {
    const res = await call(platform.app, 'POST', '/api/leads', { token: service, body: newLead({ current_follower: 99999 }) });
    expect(res.status).toBe(404);
    expect(res.body).toEqual(fail(/.+/));
  });
});

describe('GET /api/leads', () => {
  it('lists with the documented fields, follower and latest follow-up', async () => {
    const id = await createLead(service, { customer_nickname: '列表客户' });
    const res = await call(platform.app, 'GET', '/api/leads?page=1&page_size=5&keyword=列表', { token: service });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, total: 1, list: [expect.any(Object)], performance: measured });
    expect(res.body.list[0]).toEqual({
      id,
      customer_nickname: '列表客户',
      source_platform: '抖音',
      source_account: 'douyin123',
      contact_account: '13800000000',
      lead_time: '2024-06-01 10:00:00',
      is_contacted: 1,
      intention_level: '高',
      follow_up_person: expect.stringMatching(/^\d+$/),
      is_deal: 0,
      deal_date: null,
      need_followup: 0,
      end_followup: 0,
      end_followup_reason: null,
      current_follower: { id: salesId, nickname: 'sales_lead', username: 'sales_lead' },
      created_at: expect.stringMatching(JSON_DATE),
      updated_at: expect.stringMatching(JSON_DATE),
      latest_follow_up: { follow_up_time: expect.stringMatching(LOCAL_TIME), follow_up_content: '客户首次进线索，需要进一步跟进' },
    });
  });

  it('filters by level, flags and lead_time days', async () => {
    await createLead(service, { customer_nickname: '筛选低', intention_level: '低', is_deal: 1, deal_date: '2024-06-03', lead_time: '2024-05-20 23:30:00' });
    const res = await call(platform.app, 'GET', '/api/leads?intention_level=低&is_deal=1&date_from=2024-05-20&date_to=2024-05-20&customer_nickname=筛选', { token: admin });
    expect(res.body.total).toBe(1);
    expect(res.body.list[0]).toMatchObject({ customer_nickname: '筛选低', is_deal: 1, deal_date: '2024-06-03', lead_time: '2024-05-20 23:30:00' });
    const none = await call(platform.app, 'GET', '/api/leads?intention_level=低&date_from=2024-05-21', { token: admin });
    expect(none.body.list.map((l: { customer_nickname: string }) => l.customer_nickname)).not.toContain('筛选低');
  });

  it.each([['page_size', 'page_size=101'], ['intention_level', 'intention_level=x'], ['date_from', 'date_from=2024/01/01']])('400 naming %s', async (field, query) => {
    const res = await call(platform.app, 'GET', `/api/leads?${query}`, { token: admin });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(fail(new RegExp(field)));
  });
});

describe('GET /api/leads/{id}', () => {
  it('answers {success, data} with the latest follow-up', async () => {
    const id = await createLead();
    const res = await call(platform.app, 'GET', `/api/leads/${id}`, { token: service });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: expect.objectContaining({ id, need_followup: 0, end_followup: 0, end_followup_reason: null, latest_follow_up: expect.any(Object) }), performance: measured });
  });

  it("404 for a missing lead and for another user's; 400 for a malformed id", async () => {
    const id = await createLead(admin);
    expect(await call(platform.app, 'GET', `/api/leads/999999`, { token: service })).toMatchObject({ status: 404, body: fail('未找到该线索') });
    expect(await call(platform.app, 'GET', `/api/leads/${id}`, { token: service })).toMatchObject({ status: 404, body: fail('未找到该线索') });
    expect(await call(platform.app, 'GET', `/api/leads/abc`, { token: service })).toMatchObject({ status: 400, body: fail(/id/) });
  });
});

describe('PUT /api/leads/{id}', () => {
  it('edits, records a follow-up when asked, and ends follow-up with a reason', async () => {
    const id = await createLead();
    const res = await call(platform.app, 'PUT', `/api/leads/${id}`, {
      token: service,
      body: { is_deal: 1, deal_date: '2024-06-02', create_follow_up: true, follow_up_content: '客户确认购买', follow_up_method: '电话', follow_up_result: '成交', end_followup: 1, end_followup_reason: '已成交' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, updatedLead: true, followUpId: expect.any(Number), createdFollowUp: true, performance: measured });
    const detail = (await call(platform.app, 'GET', `/api/leads/${id}`, { token: service })).body.data;
    expect(detail).toMatchObject({ is_deal: 1, deal_date: '2024-06-02', end_followup: 1, end_followup_reason: '已成交', need_followup: 0, current_follower: { id: salesId } });
  });

  it('400 for end_followup without a reason or a follow-up without content, and nothing changes', async () => {
    const id = await createLead();
    for (const [field, body] of [
      ['end_followup_reason', { end_followup: 1, customer_nickname: '改名' }],
      ['follow_up_content', { create_follow_up: true, customer_nickname: '改名' }],
    ] as const) {
      const res = await call(platform.app, 'PUT', `/api/leads/${id}`, { token: service, body });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(fail(new RegExp(field)));
    }
    const detail = (await call(platform.app, 'GET', `/api/leads/${id}`, { token: service })).body.data;
    expect(detail).toMatchObject({ customer_nickname: '张三', end_followup: 0 });
  });

  it('400 naming current_follower for a reassignment to someone who is not a sales user, and the follower stays', async () => {
    const id = await createLead();
    const res = await call(platform.app, 'PUT', `/api/leads/${id}`, { token: admin, body: { current_follower: serviceId, customer_nickname: '改名' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(fail(/current_follower/));
    const detail = (await call(platform.app, 'GET', `/api/leads/${id}`, { token: admin })).body.data;
    expect(detail).toMatchObject({ customer_nickname: '张三', current_follower: { id: salesId } });
  });

  it('404 for a lead the caller may not see', async () => {
    const id = await createLead(admin);
    expect(await call(platform.app, 'PUT', `/api/leads/${id}`, { token: service, body: { is_deal: 1 } })).toMatchObject({ status: 404, body: fail('未找到该线索') });
  });
});

describe('DELETE /api/leads/{id}', () => {
  it('deletes the lead with its follow-ups and says how many', async () => {
    const id = await createLead();
    await call(platform.app, 'POST', '/api/followups', { token: service, body: { lead_id: id, follow_up_content: '再次联系' } });
    const res = await call(platform.app, 'DELETE', `/api/leads/${id}`, { token: service });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, deletedFollowUps: 2, performance: measured });
    expect((await call(platform.app, 'GET', `/api/leads/${id}`, { token: service })).status).toBe(404);
  });

  it('404 for a missing lead, 400 for a malformed id', async () => {
    expect(await call(platform.app, 'DELETE', '/api/leads/999999', { token: admin })).toMatchObject({ status: 404, body: fail('未找到该线索') });
    expect(await call(platform.app, 'DELETE', '/api/leads/0', { token: admin })).toMatchObject({ status: 400, body: fail(/id/) });
  });
});

describe('follow-ups', () => {
  it('POST /api/followups records one and clears need_followup', async () => {
    const id = await createLead(service, { create_follow_up: false });
    expect((await call(platform.app, 'GET', `/api/leads/${id}`, { token: service })).body.data.need_followup).toBe(1);
    const res = await call(platform.app, 'POST', '/api/followups', {
      token: service,
      body: { lead_id: id, follow_up_time: '2024-06-02 15:00:00', follow_up_method: '电话', follow_up_content: '已电话沟通，客户有意向', follow_up_result: '待进一步跟进', follow_up_person: '张三' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, id: expect.any(Number), performance: measured });
    expect((await call(platform.app, 'GET', `/api/leads/${id}`, { token: service })).body.data.need_followup).toBe(0);
  });

  it('POST /api/followups: 400 naming the field, 404 for an unknown lead', async () => {
    const id = await createLead();
    expect(await call(platform.app, 'POST', '/api/followups', { token: service, body: { lead_id: id } })).toMatchObject({ status: 400, body: fail(/follow_up_content/) });
    expect(await call(platform.app, 'POST', '/api/followups', { token: service, body: { follow_up_content: 'x' } })).toMatchObject({ status: 400, body: fail(/lead_id/) });
    expect(await call(platform.app, 'POST', '/api/followups', { token: service, body: { lead_id: id, follow_up_content: 'x', follow_up_time: 'soon' } })).toMatchObject({ status: 400, body: fail(/follow_up_time/) });
    expect(await call(platform.app, 'POST', '/api/followups', { token: service, body: { lead_id: 999999, follow_up_content: 'x' } })).toMatchObject({ status: 404, body: fail('关联的线索不存在') });
  });

  it('GET /api/followups?lead_id= lists every record newest first; 400 for a bad lead_id', async () => {
    const id = await createLead(service, { create_follow_up: false });
    for (const [time, content] of [['2024-06-04 14:00:00', '第二次'], ['2024-06-05 15:30:00', '第三次'], ['2024-06-02 09:00:00', '第一次']]) {
      await call(platform.app, 'POST', '/api/followups', { token: service, body: { lead_id: id, follow_up_time: time, follow_up_content: content, follow_up_person: '张三' } });
    }
    const res = await call(platform.app, 'GET', `/api/followups?lead_id=${id}`, { token: service });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, list: expect.any(Array), performance: measured });
    expect(res.body.list.map((f: { follow_up_content: string }) => f.follow_up_content)).toEqual(['第三次', '第二次', '第一次']);
    expect(res.body.list[0]).toEqual({
      id: expect.any(Number),
      lead_id: id,
      follow_up_time: '2024-06-05 15:30:00',
      follow_up_method: null,
      follow_up_content: '第三次',
      follow_up_result: null,
      follow_up_person: '张三',
      created_at: expect.stringMatching(LOCAL_TIME),
      updated_at: expect.stringMatching(LOCAL_TIME),
    });
    expect(await call(platform.app, 'GET', '/api/followups?lead_id=x', { token: service })).toMatchObject({ status: 400, body: fail(/lead_id/) });
  });

  it('GET /api/followups/{leadId} pages; 400 for bad paging', async () => {
    const id = await createLead();
    await call(platform.app, 'POST', '/api/followups', { token: service, body: { lead_id: id, follow_up_content: '第二次' } });
    const res = await call(platform.app, 'GET', `/api/followups/${id}?page=1&page_size=1`, { token: service });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, leadId: id, total: 2, page: 1, page_size: 1, total_pages: 2, list: [expect.objectContaining({ lead_id: id })], performance: measured });
    expect(await call(platform.app, 'GET', `/api/followups/${id}?page_size=101`, { token: service })).toMatchObject({ status: 400, body: fail(/page_size/) });
    expect(await call(platform.app, 'GET', '/api/followups/abc', { token: service })).toMatchObject({ status: 400, body: fail(/leadId/) });
  });
});

describe('reminder settings', () => {
  it('GET /api/followup-remind-config answers the defaults', async () => {
    const res = await call(platform.app, 'GET', '/api/followup-remind-config', { token: sales });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      list: [
        { id: expect.any(Number), intention_level: '高', interval_days: 1, updated_at: expect.stringMatching(JSON_DATE) },
        { id: expect.any(Number), intention_level: '中', interval_days: 3, updated_at: expect.stringMatching(JSON_DATE) },
        { id: expect.any(Number), intention_level: '低', interval_days: 5, updated_at: expect.stringMatching(JSON_DATE) },
      ],
      performance: measured,
    });
  });

  it('PUT /api/followup-remind-config/{level} changes one level; 400 for a bad level or interval; 403 for non-admins', async () => {
    const res = await call(platform.app, 'PUT', `/api/followup-remind-config/${encodeURIComponent('中')}`, { token: admin, body: { interval_days: 2 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, performance: measured });
    const list = (await call(platform.app, 'GET', '/api/followup-remind-config', { token: admin })).body.list;
    expect(list[1]).toMatchObject({ intention_level: '中', interval_days: 2 });

    expect(await call(platform.app, 'PUT', `/api/followup-remind-config/${encodeURIComponent('极高')}`, { token: admin, body: { interval_days: 2 } })).toMatchObject({ status: 400, body: fail(/level/) });
    expect(await call(platform.app, 'PUT', `/api/followup-remind-config/${HIGH}`, { token: admin, body: { interval_days: 0 } })).toMatchObject({ status: 400, body: fail(/interval_days/) });
    expect(await call(platform.app, 'PUT', `/api/followup-remind-config/${HIGH}`, { token: sales, body: { interval_days: 9 } })).toMatchObject({ status: 403, body: fail('权限不足') });
    await call(platform.app, 'PUT', `/api/followup-remind-config/${encodeURIComponent('中')}`, { token: admin, body: { interval_days: 3 } });
  });

  it('remind-email-list: add, list, delete; 400 for a bad address, 404 for an unknown id', async () => {
    const added = await call(platform.app, 'POST', '/api/remind-email-list', { token: admin, body: { email: 'a@xx.com' } });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ success: true, id: expect.any(Number), performance: measured });
    const list = await call(platform.app, 'GET', '/api/remind-email-list', { token: admin });
    expect(list.body).toEqual({ success: true, list: [{ id: added.body.id, email: 'a@xx.com' }], performance: measured });
    expect(await call(platform.app, 'POST', '/api/remind-email-list', { token: admin, body: { email: 'not-an-address' } })).toMatchObject({ status: 400, body: fail(/email/) });
    expect(await call(platform.app, 'POST', '/api/remind-email-list', { token: admin, body: { email: 'a@xx.com' } })).toMatchObject({ status: 400, body: fail(/email/) });
    const removed = await call(platform.app, 'DELETE', `/api/remind-email-list/${added.body.id}`, { token: admin });
    expect(removed.body).toEqual({ success: true, performance: measured });
    expect(await call(platform.app, 'DELETE', `/api/remind-email-list/${added.body.id}`, { token: admin })).toMatchObject({ status: 404, body: fail('收件人不存在') });
  });

  it('POST /api/followup-remind-config/trigger-check reports the overdue leads (no recipients: nothing mailed)', async () => {
    const id = await createLead(admin, { customer_nickname: '超期客户', create_follow_up: false, lead_time: '2020-01-01 09:00:00' });
    const res = await call(platform.app, 'POST', '/api/followup-remind-config/trigger-check', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: expect.stringMatching(/^检查完成，发现 \d+ 条超期线索$/),
      data: { overdue_count: expect.any(Number), overdue_list: expect.any(Array) },
      performance: measured,
    });
    expect(res.body.data.overdue_list).toContainEqual({
      lead_id: id,
      customer_nickname: '超期客户',
      intention_level: '高',
      last_follow_up_time: '2020-01-01 09:00:00',
      follow_up_person: expect.any(String),
      overdue_days: expect.any(Number),
      config_days: 1,
      email_list: [],
    });
    expect(await call(platform.app, 'POST', '/api/followup-remind-config/trigger-check', { token: sales })).toMatchObject({ status: 403, body: fail('权限不足') });
  });
});

describe('GET /api/statistics/leads-overview', () => {
  it('answers every documented figure', async () => {
    const res = await call(platform.app, 'GET', '/api/statistics/leads-overview', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: {
        total_leads: expect.any(Number),
        intention_distribution: expect.objectContaining({ 高: expect.any(Number) }),
        platform_distribution: expect.objectContaining({ 抖音: expect.any(Number) }),
        recent_additions: { today: expect.any(Number), this_week: expect.any(Number), this_month: expect.any(Number) },
        last_15_days_trend: expect.any(Array),
        followup: { this_week_lead_count: expect.any(Number), this_week_record_count: expect.any(Number) },
        today_stats: { followed_leads: expect.any(Number), followup_records: expect.any(Number), ended_leads: expect.any(Number) },
      },
      performance: measured,
    });
    expect(res.body.data.last_15_days_trend).toHaveLength(15);
    expect(res.body.data.total_leads).toBe(await total());
    expect(res.body.data.recent_additions.today).toBe(res.body.data.total_leads);
  });
});

describe('the two 401 bodies of § 7', () => {
  // Valid input: the adapter checks input before the graph checks the token.
  const routes: Array<[string, string, (() => object) | null]> = [
    ['GET', '/api/leads', null],
    ['POST', '/api/leads', () => newLead()],
    ['GET', '/api/leads/1', null],
    ['PUT', '/api/leads/1', () => ({})],
    ['DELETE', '/api/leads/1', null],
    ['POST', '/api/followups', () => ({ lead_id: 1, follow_up_content: 'x' })],
    ['GET', '/api/followups?lead_id=1', null],
    ['GET', '/api/followups/1', null],
    ['GET', '/api/followup-remind-config', null],
    ['PUT', `/api/followup-remind-config/${HIGH}`, () => ({ interval_days: 2 })],
    ['POST', '/api/followup-remind-config/trigger-check', () => ({})],
    ['GET', '/api/statistics/leads-overview', null],
    ['GET', '/api/remind-email-list', null],
    ['POST', '/api/remind-email-list', () => ({ email: 'b@xx.com' })],
    ['DELETE', '/api/remind-email-list/1', null],
  ];
  it.each(routes)('%s %s', async (method, url, makeBody) => {
    const body = makeBody?.() ?? undefined;
    const missing = await platform.app.inject({ method: method as 'GET', url, ...(body ? { payload: body } : {}) });
    expect([missing.statusCode, missing.json()]).toEqual([401, { code: 401, message: '未携带有效token' }]);
    const bad = await platform.app.inject({ method: method as 'GET', url, headers: { authorization: 'Bearer not-a-token' }, ...(body ? { payload: body } : {}) });
    expect([bad.statusCode, bad.json()]).toEqual([401, { code: 401, message: 'token无效或已过期' }]);
  });
});
