import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

/**
 * CCO collector app § 10 (knowledge base), § 11 (tools) and § 12 (system) through adapter → router → collections:
 * what admins maintain through GraphQL reaches the app, the calculator follows decisions.md, bad input changes nothing.
 */
const platform = useTestPlatform(undefined, () => ({
  APP_LATEST_VERSION: '1.1.0',
  APP_MIN_VERSION: '1.0.5',
  APP_UPDATE_URL_IOS: 'https://app.example.com/download/v1.1.0',
  APP_UPDATE_NOTES: '1. 修复已知问题\n2. 优化性能',
}));
let tenantadmin: string;
let collector: string;
let agencyId: string;

const error = (code: number) => ({ code, message: expect.any(String), data: null });
const badRequest = (field: string) => ({ status: 400, body: { ...error(400), message: expect.stringContaining(field) } });
const PASSWORD = '123456';

async function graph(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await platform.platform.router.executor.execute({ query, variables, headers: { authorization: `Bearer ${token}` } });
  return res;
}
async function graphOk(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await graph(token, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, never>;
}

const CREATE = 'mutation($i: KnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id } }';
const article = async (input: Record<string, unknown>) => Number(((await graphOk(tenantadmin, CREATE, { i: input })).createKnowledgeArticle as { id: string }).id);
const ids: Record<string, number> = {};

beforeAll(async () => {
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const agency = await call(platform.app, 'POST', '/api/v1/agencies', {
    token: tenantadmin,
    body: { agency_code: 'TOOLS_A', agency_name: '工具机构', timezone: 7, agency_type: 'real', is_active: true },
  });
  agencyId = String(agency.body.data.id);
  const created = await call(platform.app, 'POST', '/api/v1/collectors', {
    token: tenantadmin,
    body: { agency_id: agency.body.data.id, collector_code: 'TOOLS_C', collector_name: '王小明', login_id: 'tools_c', password: PASSWORD, status: 'active', is_active: true },
  });
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
  collector = (await call(platform.app, 'POST', '/api/v1/im/auth/login', { body: { loginId: 'tools_c', password: PASSWORD, device_id: 'D1' } })).body.data.token;

  ids.opening = await article({
    kind: 'script',
    title: '首次联系开场白',
    category: 'opening',
    scenario: 'first_contact',
    content: '您好，{customer_name}，我是{company_name}的{collector_name}...',
    tips: '态度要礼貌、专业，语气要平和',
    sortOrder: 1,
  });
  ids.closing = await article({ kind: 'script', title: '结束语', category: 'closing', scenario: 'follow_up', content: '感谢您的配合，再见。', sortOrder: 2 });
  ids.hidden = await article({ kind: 'script', title: '旧话术', category: 'opening', content: '不再使用 100% 折扣', isActive: false });
  ids.faq = await article({
    kind: 'faq',
    title: '客户说没钱还怎么办？',
    content: '1. 表示理解客户困难\n2. 了解客户实际情况\n3. 建议部分还款\n4. 协商还款计划',
    category: 'objection_handling',
    keywords: '客户拒绝还款 没钱',
  });
  ids.help = await article({ kind: 'help', title: '如何添加PTP', content: '在案件详情页点击“添加PTP”……', category: 'ptp' });
});

describe('knowledge base (GET scripts, GET faq, POST search)', () => {
  it('GET scripts answers the active scripts by sort order in the CCO page, filtered by category and scenario', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/knowledge/scripts', { token: collector });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total: 2,
        page: 1,
        size: 20,
        items: [
          {
            id: ids.opening,
            title: '首次联系开场白',
            category: 'opening',
            scenario: 'first_contact',
            content: '您好，{customer_name}，我是{company_name}的{collector_name}...',
            tips: '态度要礼貌、专业，语气要平和',
            use_count: 0,
          },
          { id: ids.closing, title: '结束语', category: 'closing', scenario: 'follow_up', content: '感谢您的配合，再见。', tips: null, use_count: 0 },
        ],
      },
    });
    const opening = await call(platform.app, 'GET', '/api/v1/im/knowledge/scripts?category=opening', { token: collector });
    expect(opening.body.data.items.map((i: { id: number }) => i.id)).toEqual([ids.opening]);
    const followUp = await call(platform.app, 'GET', '/api/v1/im/knowledge/scripts?scenario=follow_up&page=1&size=1', { token: collector });
    expect(followUp.body.data).toMatchObject({ total: 1, size: 1, items: [{ id: ids.closing }] });
  });

  it('GET faq answers question and answer', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/knowledge/faq', { token: collector });
    expect(res.body.data).toEqual({
      total: 1,
      page: 1,
      size: 20,
      items: [{ id: ids.faq, question: '客户说没钱还怎么办？', answer: '1. 表示理解客户困难\n2. 了解客户实际情况\n3. 建议部分还款\n4. 协商还款计划', category: 'objection_handling' }],
    });
  });

  it('POST search finds active articles by title, content or keywords, literally', async () => {
    const byKeyword = await call(platform.app, 'POST', '/api/v1/im/knowledge/search', { token: collector, body: { keyword: '客户拒绝还款' } });
    expect(byKeyword.body).toEqual({
      code: 200,
      message: 'success',
      data: { total: 1, page: 1, size: 20, items: [{ id: ids.faq, kind: 'faq', title: '客户说没钱还怎么办？', content: expect.any(String), category: 'objection_handling', scenario: null }] },
    });
    const byContent = await call(platform.app, 'POST', '/api/v1/im/knowledge/search', { token: collector, body: { keyword: '添加PTP' } });
    expect(byContent.body.data.items.map((i: { id: number }) => i.id)).toEqual([ids.help]);
    // '%' is a character, not a wildcard; the only article holding it is inactive.
    expect((await call(platform.app, 'POST', '/api/v1/im/knowledge/search', { token: collector, body: { keyword: '%' } })).body.data.total).toBe(0);
  });

  it('bad input is 400 naming the field; no token 401', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/im/knowledge/scripts?category=Bad%20Cat', { token: collector })).toMatchObject(badRequest('category'));
    expect(await call(platform.app, 'GET', '/api/v1/im/knowledge/faq?size=101', { token: collector })).toMatchObject(badRequest('size'));
    expect(await call(platform.app, 'POST', '/api/v1/im/knowledge/search', { token: collector, body: {} })).toMatchObject(badRequest('keyword'));
    expect(await call(platform.app, 'POST', '/api/v1/im/knowledge/search', { token: collector, body: { keyword: 'x'.repeat(101) } })).toMatchObject(badRequest('keyword'));
    for (const [method, path] of [['GET', '/api/v1/im/knowledge/scripts'], ['GET', '/api/v1/im/knowledge/faq'], ['POST', '/api/v1/im/knowledge/search']] as const) {
      expect(await call(platform.app, method, path, { body: method === 'POST' ? { keyword: 'x' } : undefined })).toMatchObject({ status: 401, body: error(401) });
    }
  });

  it('admins maintain it through GraphQL; a collector may not', async () => {
    const update = 'mutation($id: ID!, $i: KnowledgeArticleInput!) { updateKnowledgeArticle(id: $id, input: $i) { title isActive } }';
    const refused = await graph(collector, update, { id: String(ids.closing), i: { title: '改' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await graphOk(tenantadmin, update, { id: String(ids.closing), i: { isActive: false } });
    expect((await call(platform.app, 'GET', '/api/v1/im/knowledge/scripts', { token: collector })).body.data.total).toBe(1);
    await graphOk(tenantadmin, update, { id: String(ids.closing), i: { isActive: true } });
  });
});

describe('POST /api/v1/im/tools/calculate-repayment', () => {
  const calc = (body: unknown, token = collector) => call(platform.app, 'POST', '/api/v1/im/tools/calculate-repayment', { token, body });
  const SETTINGS = 'mutation($cap: Float) { updateCollectionsSettings(input: { penaltyCapRate: $cap }) { penaltyCapRate } }';

  it('the document’s example: 5000 at 0.15, 15 days at 0.05 → 750 / 750 / 6500', async () => {
    const res = await calc({ principal: 5000.0, interest_rate: 0.15, days: 15, penalty_rate: 0.05 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: 'success', data: { principal: 5000, interest: 750, penalty: 750, total_amount: 6500 } });
  });

  it('caps the penalty at principal × the tenant’s penalty_cap_rate, in exact decimals', async () => {
    expect((await calc({ principal: 5000, interest_rate: 0.15, days: 100, penalty_rate: 0.05 })).body.data).toEqual({ principal: 5000, interest: 750, penalty: 750, total_amount: 6500 });
    // 0.1 + 0.2 in binary would not be 0.3: 1000.10 × 0.3 = 300.03 exactly
    expect((await calc({ principal: 1000.1, interest_rate: 0.3, days: 1, penalty_rate: 0.001 })).body.data).toEqual({ principal: 1000.1, interest: 300.03, penalty: 1, total_amount: 1301.13 });
    await graphOk(tenantadmin, SETTINGS, { cap: 0.1 });
    try {
      expect((await calc({ principal: 5000, interest_rate: 0.15, days: 15, penalty_rate: 0.05 })).body.data).toEqual({ principal: 5000, interest: 750, penalty: 500, total_amount: 6250 });
    } finally {
      await graphOk(tenantadmin, SETTINGS, { cap: 0.15 });
    }
  });

  it('a missing, negative or wrong-typed field is 400 naming it; no token 401', async () => {
    const good = { principal: 5000, interest_rate: 0.15, days: 15, penalty_rate: 0.05 };
    for (const field of Object.keys(good)) {
      const body: Record<string, unknown> = { ...good };
      delete body[field];
      expect(await calc(body)).toMatchObject(badRequest(field));
    }
    expect(await calc({ ...good, principal: -1 })).toMatchObject(badRequest('principal'));
    expect(await calc({ ...good, days: 1.5 })).toMatchObject(badRequest('days'));
    expect(await calc({ ...good, penalty_rate: '0.05' })).toMatchObject(badRequest('penalty_rate'));
    expect(await call(platform.app, 'POST', '/api/v1/im/tools/calculate-repayment', { body: good })).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('GET /api/v1/im/tools/working-hours', () => {
  const SET = 'mutation($a: ID!, $d: [WorkingDayInput!]!) { setAgencyWorkingHours(agencyId: $a, days: $d) { dayOfWeek } }';
  const week = (isWorkingDay: (day: number) => boolean, start = '00:00:00', end = '23:59:59') =>
    [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, startTime: start, endTime: end, isWorkingDay: isWorkingDay(dayOfWeek) }));

  it('answers the agency’s zone, working days and whether now is working time', async () => {
    await graphOk(tenantadmin, SET, { a: agencyId, d: week(() => true) });
    const res = await call(platform.app, 'GET', '/api/v1/im/tools/working-hours', { token: collector });
    expect(res.status).toBe(200);
    const localNow = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        timezone: 7,
        working_days: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ day_of_week: d, start_time: '00:00:00', end_time: '23:59:59' })),
        current_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        is_working_time: true,
      },
    });
    expect(res.body.data.current_time.slice(0, 16) <= localNow).toBe(true);
    await graphOk(tenantadmin, SET, { a: agencyId, d: week((d) => d === 8) });
    const off = await call(platform.app, 'GET', '/api/v1/im/tools/working-hours', { token: collector });
    expect(off.body.data).toMatchObject({ working_days: [], is_working_time: false });
  });

  it('no token 401; an administrator 403', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/im/tools/working-hours')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/im/tools/working-hours', { token: tenantadmin })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('POST /api/v1/im/tools/validate-phone', () => {
  const check = (body: unknown, token = collector) => call(platform.app, 'POST', '/api/v1/im/tools/validate-phone', { token, body });

  it('a valid number: country, type and formats', async () => {
    const res = await check({ phone_number: '+63-917-123-4567' });
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: { is_valid: true, country_code: 'PH', carrier: null, number_type: 'mobile', formatted_number: '+63 917 123 4567', e164_number: '+639171234567' },
    });
    expect((await check({ phone_number: '09171234567' })).body.data).toMatchObject({ is_valid: true, e164_number: '+639171234567' });
    expect((await check({ phone_number: '0812-3456-7890', country_code: 'ID' })).body.data).toMatchObject({ is_valid: true, country_code: 'ID' });
  });

  it('an invalid number is 200 with is_valid false (decisions.md)', async () => {
    for (const phone_number of ['12345', 'not a number']) {
      const res = await check({ phone_number });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ is_valid: false, number_type: null, formatted_number: null, e164_number: null });
    }
  });

  it('a missing or too long number, a bad country code: 400 naming it; no token 401', async () => {
    expect(await check({})).toMatchObject(badRequest('phone_number'));
    expect(await check({ phone_number: '1'.repeat(65) })).toMatchObject(badRequest('phone_number'));
    expect(await check({ phone_number: '123', country_code: 'ph' })).toMatchObject(badRequest('country_code'));
    expect(await call(platform.app, 'POST', '/api/v1/im/tools/validate-phone', { body: { phone_number: '123' } })).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('GET /api/v1/im/system/version', () => {
  const version = (query: string) => call(platform.app, 'GET', `/api/v1/im/system/version?${query}`);

  it('older than the minimum: update forced; between: update offered; the latest: nothing, without a token', async () => {
    expect((await version('current_version=1.0.0&platform=ios')).body).toEqual({
      code: 200,
      message: 'success',
      data: {
        latest_version: '1.1.0',
        current_version: '1.0.0',
        has_update: true,
        is_force_update: true,
        update_url: 'https://app.example.com/download/v1.1.0',
        update_notes: '1. 修复已知问题\n2. 优化性能',
      },
    });
    expect((await version('current_version=1.0.10&platform=android')).body.data).toMatchObject({ has_update: true, is_force_update: false, update_url: null });
    expect((await version('current_version=1.1.0&platform=ios')).body.data).toMatchObject({ has_update: false, is_force_update: false, update_notes: '' });
  });

  it('a missing or bad version or platform is 400 naming it', async () => {
    expect(await version('platform=ios')).toMatchObject(badRequest('current_version'));
    expect(await version('current_version=v1&platform=ios')).toMatchObject(badRequest('current_version'));
    expect(await version('current_version=1.0.0&platform=windows')).toMatchObject(badRequest('platform'));
  });
});

describe('POST /api/v1/im/system/feedback', () => {
  const LIST = '{ appFeedback { total items { feedbackType title content images deviceInfo { deviceModel osVersion appVersion } collectorId } } }';
  const listed = async () => (await graphOk(tenantadmin, LIST)).appFeedback as { total: number; items: unknown[] };
  const BODY = {
    feedback_type: 'bug',
    title: '通话记录保存失败',
    content: '在通话结束后点击保存，系统提示保存失败',
    images: ['https://cdn.example.com/feedback/001.jpg'],
    device_info: { device_model: 'iPhone 13', os_version: 'iOS 16.0', app_version: '1.0.0' },
  };

  it('stores the feedback for the tenant’s admins', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/im/system/feedback', { token: collector, body: BODY });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '提交成功', data: { id: expect.any(Number) } });
    expect(await listed()).toEqual({
      total: 1,
      items: [
        {
          feedbackType: 'bug',
          title: '通话记录保存失败',
          content: '在通话结束后点击保存，系统提示保存失败',
          images: ['https://cdn.example.com/feedback/001.jpg'],
          deviceInfo: { deviceModel: 'iPhone 13', osVersion: 'iOS 16.0', appVersion: '1.0.0' },
          collectorId: expect.any(String),
        },
      ],
    });
    const refused = await graph(collector, LIST);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an unknown type, a missing title, a bad image link, too many images: 400 naming it, nothing stored; no token 401', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...BODY, feedback_type: 'praise' }, 'feedback_type'],
      [{ ...BODY, title: undefined }, 'title'],
      [{ ...BODY, content: '   ' }, 'content'],
      [{ ...BODY, images: ['not a link'] }, 'images'],
      [{ ...BODY, images: Array.from({ length: 10 }, (_, i) => `https://cdn.example.com/${i}.jpg`) }, 'images'],
    ];
    for (const [body, field] of cases) {
      expect(await call(platform.app, 'POST', '/api/v1/im/system/feedback', { token: collector, body })).toMatchObject(badRequest(field));
    }
    expect(await call(platform.app, 'POST', '/api/v1/im/system/feedback', { body: BODY })).toMatchObject({ status: 401, body: error(401) });
    expect((await listed()).total).toBe(1);
  });
});

describe('GET /api/v1/im/system/help', () => {
  it('answers the tenant’s help pages in the CCO page; no token 401', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/system/help', { token: collector });
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: { total: 1, page: 1, size: 20, items: [{ id: ids.help, title: '如何添加PTP', content: '在案件详情页点击“添加PTP”……', category: 'ptp', updated_at: expect.stringMatching(CCO_TIME) }] },
    });
    expect((await call(platform.app, 'GET', '/api/v1/im/system/help?category=other', { token: collector })).body.data.total).toBe(0);
    expect(await call(platform.app, 'GET', '/api/v1/im/system/help?page=0', { token: collector })).toMatchObject(badRequest('page'));
    expect(await call(platform.app, 'GET', '/api/v1/im/system/help')).toMatchObject({ status: 401, body: error(401) });
  });
});
