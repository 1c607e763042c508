import { useTestPlatform } from '../support/platform';
import { collectorToken, eventually } from '../support/activity-events';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

const platform = useTestPlatform();
let tenantadmin: string;
let collector: { id: string; token: string };
let other: { id: string; token: string };

const TEMPLATE = {
  template_id: 'CASE_TAG_CHANGE',
  template_name: '案件标签变更通知',
  template_type: 'case_tag_change',
  content_template: '案件 {case_code} 的标签已变更为 {tag_name}',
  target_type: 'collector',
  is_forced_read: false,
  repeat_interval_minutes: 30,
  max_remind_count: 3,
  priority: 'medium',
  display_duration_seconds: 5,
  is_enabled: true,
};
const error = (code: number) => ({ code, message: expect.any(String), data: null });

beforeAll(async () => {
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  collector = await collectorToken(platform, tenantadmin, 'collector001');
  other = await collectorToken(platform, tenantadmin, 'collector002');
});

const templates = () => call(platform.app, 'GET', '/api/v1/notification-templates', { token: tenantadmin });

describe('/api/v1/notification-templates', () => {
  it('POST creates a template and answers it; GET lists it in the CCO page with sent and read counts', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/notification-templates', { token: tenantadmin, body: TEMPLATE });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '创建成功', data: { id: expect.any(Number), ...TEMPLATE, total_sent: 0, total_read: 0 } });
    const list = await templates();
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ code: 200, message: 'success', data: { total: 1, page: 1, size: 10, items: [res.body.data] } });
  });

  it('a taken template_id is 409; a wrong type is 400 naming the field; a collector is 403; anonymous 401; nothing is created', async () => {
    expect(await call(platform.app, 'POST', '/api/v1/notification-templates', { token: tenantadmin, body: TEMPLATE })).toMatchObject({ status: 409, body: error(409) });
    const bad = await call(platform.app, 'POST', '/api/v1/notification-templates', { token: tenantadmin, body: { ...TEMPLATE, template_id: 'X2', priority: 'extreme' } });
    expect(bad).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('priority') } });
    const missing = await call(platform.app, 'POST', '/api/v1/notification-templates', { token: tenantadmin, body: { ...TEMPLATE, template_id: undefined } });
    expect(missing).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('template_id') } });
    expect(await call(platform.app, 'POST', '/api/v1/notification-templates', { token: collector.token, body: { ...TEMPLATE, template_id: 'X3' } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', '/api/v1/notification-templates', { token: collector.token })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', '/api/v1/notification-templates')).toMatchObject({ status: 401, body: error(401) });
    expect((await templates()).body.data.total).toBe(1);
  });
});

describe('/api/v1/notifications/push and the collector app', () => {
  let pushedId: number;

  it('POST push renders the template for each target collector: 推送成功 {sent_count, notification_ids}', async () => {
    const body = { template_id: 'CASE_TAG_CHANGE', target_collectors: [Number(collector.id)], variables: { case_code: 'CASE_001', tag_name: '高优先级' } };
    let res = await call(platform.app, 'POST', '/api/v1/notifications/push', { token: tenantadmin, body });
    // activity learns the new collector from identity's event a moment after its creation
    await eventually(async () => {
      if (res.status !== 400) return true;
      res = await call(platform.app, 'POST', '/api/v1/notifications/push', { token: tenantadmin, body });
      return false;
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '推送成功', data: { sent_count: 1, notification_ids: [expect.any(Number)] } });
    pushedId = res.body.data.notification_ids[0];
  });

  it('push errors: unknown template 404, no recipient 400 naming target_collectors, collector 403; nothing is sent', async () => {
    expect(await call(platform.app, 'POST', '/api/v1/notifications/push', { token: tenantadmin, body: { template_id: 'NOPE', target_collectors: [Number(collector.id)] } })).toMatchObject({ status: 404, body: error(404) });
    const none = await call(platform.app, 'POST', '/api/v1/notifications/push', { token: tenantadmin, body: { template_id: 'CASE_TAG_CHANGE' } });
    expect(none).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('target_collectors') } });
    const strangers = await call(platform.app, 'POST', '/api/v1/notifications/push', { token: tenantadmin, body: { template_id: 'CASE_TAG_CHANGE', target_collectors: [999999] } });
    expect(strangers).toMatchObject({ status: 400, body: error(400) });
    expect(await call(platform.app, 'POST', '/api/v1/notifications/push', { token: collector.token, body: { template_id: 'CASE_TAG_CHANGE', target_collectors: [1] } })).toMatchObject({ status: 403, body: error(403) });
    const unread = await call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: collector.token });
    expect(unread.body.data.total_unread).toBe(1);
  });

  it('GET /im/notifications/unread answers total_unread and the documented items', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: collector.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total_unread: 1,
        items: [{
          id: pushedId,
          notification_type: 'case_tag_change',
          title: '案件标签变更通知',
          content: '案件 CASE_001 的标签已变更为 高优先级',
          is_forced_read: false,
          priority: 'medium',
          created_at: expect.stringMatching(CCO_TIME),
          action_url: null,
          display_duration_seconds: 5,
        }],
      },
    });
    const theirs = await call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: other.token });
    expect(theirs.body.data).toEqual({ total_unread: 0, items: [] });
    expect(await call(platform.app, 'GET', '/api/v1/im/notifications/unread')).toMatchObject({ status: 401, body: error(401) });
  });

  it('POST /im/notifications/{id}/read: 已标记为已读; another collector\'s is 404; a bad id 400; history shows it read', async () => {
    expect(await call(platform.app, 'POST', `/api/v1/im/notifications/${pushedId}/read`, { token: other.token })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'POST', '/api/v1/im/notifications/abc/read', { token: collector.token })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('notification_id') } });
    const res = await call(platform.app, 'POST', `/api/v1/im/notifications/${pushedId}/read`, { token: collector.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '已标记为已读' });

    const history = await call(platform.app, 'GET', '/api/v1/im/notifications/history?is_read=true&notification_type=case_tag_change', { token: collector.token });
    expect(history.status).toBe(200);
    expect(history.body.data).toMatchObject({ total: 1, page: 1, size: 10, items: [{ id: pushedId, is_read: true, read_at: expect.stringMatching(CCO_TIME) }] });
    const unreadOnly = await call(platform.app, 'GET', '/api/v1/im/notifications/history?is_read=false', { token: collector.token });
    expect(unreadOnly.body.data).toEqual({ total: 0, page: 1, size: 10, items: [] });
    expect(await call(platform.app, 'GET', '/api/v1/im/notifications/history?page=0', { token: collector.token })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('page') } });
  });

  it('POST /im/notifications/read-batch marks all or none', async () => {
    const push = async () => (await call(platform.app, 'POST', '/api/v1/notifications/push', { token: tenantadmin, body: { template_id: 'CASE_TAG_CHANGE', target_collectors: [Number(collector.id), Number(other.id)] } })).body.data.notification_ids as number[];
    await eventually(async () => (await call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: other.token })).status === 200);
    const [mine, theirs] = await push();
    const refused = await call(platform.app, 'POST', '/api/v1/im/notifications/read-batch', { token: collector.token, body: { notification_ids: [mine, theirs] } });
    expect(refused).toMatchObject({ status: 404, body: error(404) });
    expect((await call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: collector.token })).body.data.total_unread).toBe(1);
    expect(await call(platform.app, 'POST', '/api/v1/im/notifications/read-batch', { token: collector.token, body: { notification_ids: [] } })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('notification_ids') } });
    const res = await call(platform.app, 'POST', '/api/v1/im/notifications/read-batch', { token: collector.token, body: { notification_ids: [mine] } });
    expect(res).toMatchObject({ status: 200, body: { code: 200, message: '已标记为已读' } });
    expect((await call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: collector.token })).body.data.total_unread).toBe(0);
  });

  it('GET /notification-templates counts what was sent and read, in SQL', async () => {
    const [item] = (await templates()).body.data.items;
    expect(item).toMatchObject({ template_id: 'CASE_TAG_CHANGE', total_sent: 3, total_read: 2 });
  });
});

describe('/api/v1/public-notifications and /api/v1/im/public-notifications', () => {
  const NOTICE = {
    title: '系统维护通知',
    content: '系统将于本周六凌晨2点进行维护，预计1小时',
    is_forced_read: true,
    effective_start_time: '2025-11-20 00:00:00',
    effective_end_time: '2099-11-27 23:59:59',
    is_enabled: true,
  };
  let noticeId: number;

  it('POST creates an announcement (times in the tenant\'s zone); GET lists it as written', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/public-notifications', { token: tenantadmin, body: NOTICE });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '创建成功', data: { id: expect.any(Number) } });
    noticeId = res.body.data.id;
    await call(platform.app, 'POST', '/api/v1/public-notifications', { token: tenantadmin, body: { ...NOTICE, title: 'later', effective_start_time: '2099-01-01 00:00:00', effective_end_time: null } });
    const list = await call(platform.app, 'GET', '/api/v1/public-notifications', { token: tenantadmin });
    expect(list.status).toBe(200);
    expect(list.body.data).toMatchObject({ total: 2, page: 1, size: 10 });
    expect(list.body.data.items[1]).toEqual({ id: noticeId, ...NOTICE, created_at: expect.stringMatching(CCO_TIME) });
  });

  it('errors: a bad time 400 naming it, an end before the start 400, a collector 403; nothing is created', async () => {
    const bad = await call(platform.app, 'POST', '/api/v1/public-notifications', { token: tenantadmin, body: { ...NOTICE, effective_start_time: '2025/11/20' } });
    expect(bad).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('effective_start_time') } });
    const reversed = await call(platform.app, 'POST', '/api/v1/public-notifications', { token: tenantadmin, body: { ...NOTICE, effective_end_time: '2025-01-01 00:00:00' } });
    expect(reversed).toMatchObject({ status: 400, body: error(400) });
    expect(await call(platform.app, 'POST', '/api/v1/public-notifications', { token: collector.token, body: NOTICE })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', '/api/v1/public-notifications', { token: collector.token })).toMatchObject({ status: 403, body: error(403) });
    expect((await call(platform.app, 'GET', '/api/v1/public-notifications', { token: tenantadmin })).body.data.total).toBe(2);
  });

  it('GET /im/public-notifications shows those in effect, with the collector\'s read state', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/public-notifications', { token: collector.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total: 1,
        page: 1,
        size: 10,
        items: [{
          id: noticeId,
          title: NOTICE.title,
          content: NOTICE.content,
          is_forced_read: true,
          effective_start_time: NOTICE.effective_start_time,
          effective_end_time: NOTICE.effective_end_time,
          created_at: expect.stringMatching(CCO_TIME),
          is_read: false,
        }],
      },
    });
    expect(await call(platform.app, 'GET', '/api/v1/im/public-notifications')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/im/public-notifications?size=101', { token: collector.token })).toMatchObject({ status: 400, body: error(400) });
  });
});
