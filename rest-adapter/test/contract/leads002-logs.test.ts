import { useTestPlatform } from '../support/platform';
import { eventually, publishAudits } from '../support/activity-events';
import { call, JSON_DATE } from '../support/contract';

const platform = useTestPlatform();
let admin: string;

const leadsError = { success: false, message: expect.any(String), performance: { totalTime: expect.stringMatching(/^\d+ms$/) } };
const logs = (query = '', token = admin) => call(platform.app, 'GET', `/api/logs${query}`, { token });

beforeAll(async () => {
  admin = (await call(platform.app, 'POST', '/api/users/login', { body: { username: 'admin', password: 'Admin123456' } })).body.data.token;
  const me = await platform.platform.router.executor.execute({ query: '{ me { id tenantId } }', headers: { authorization: `Bearer ${admin}` } });
  const { id, tenantId } = (me.data as { me: { id: string; tenantId: string } }).me;
  // What the leads subgraph records for its changes: audit entries of resource type `lead`, snake_case fields.
  await publishAudits(platform, Number(tenantId), [
    { action: 'create', resourceId: '1', actorId: id, actorName: 'admin', after: { customer_name: '张三', intention_level: '高' }, summary: '新增线索 张三', occurredAt: '2024-06-01T02:00:00.000Z' },
    { action: 'update', resourceId: '1', actorId: id, actorName: 'admin', before: { intention_level: '高' }, after: { intention_level: '中' }, occurredAt: '2024-06-15T02:00:00.000Z' },
    { action: 'follow_up', resourceId: '2', actorId: id, actorName: 'admin', occurredAt: '2024-06-30T23:00:00.000Z' },
    { action: 'create', resourceId: '3', occurredAt: '2024-07-01T00:00:00.000Z' },
    { action: 'create', resourceType: 'worklog', resourceId: '1', occurredAt: '2024-06-10T00:00:00.000Z' },
  ]);
  await eventually(async () => (await logs()).body.list?.length === 4);
});

describe('GET /api/logs', () => {
  it('answers {success, list, performance}: the leads\' operation log, newest first', async () => {
    const res = await logs('?lead_id=1&date_from=2024-06-01&date_to=2024-06-30');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      list: [
        {
          id: expect.any(Number),
          lead_id: 1,
          user_id: expect.any(Number),
          username: 'admin',
          action: 'update',
          content: null,
          before_data: { intention_level: '高' },
          after_data: { intention_level: '中' },
          created_at: '2024-06-15T02:00:00.000Z',
        },
        expect.objectContaining({ lead_id: 1, action: 'create', content: '新增线索 张三', after_data: { customer_name: '张三', intention_level: '高' }, created_at: expect.stringMatching(JSON_DATE) }),
      ],
      performance: { totalTime: expect.stringMatching(/^\d+ms$/), dbTime: expect.stringMatching(/^\d+ms$/) },
    });
  });

  it('date_from and date_to are inclusive days; without filters every lead entry (no other resource)', async () => {
    const june = await logs('?date_from=2024-06-02&date_to=2024-06-30');
    expect(june.body.list.map((e: { lead_id: number; action: string }) => `${e.lead_id}:${e.action}`)).toEqual(['2:follow_up', '1:update']);
    expect((await logs()).body.list.map((e: { lead_id: number }) => e.lead_id)).toEqual([3, 2, 1, 1]);
  });

  it('a bad date or lead_id is 400 naming it; anonymous 401 with 002\'s message; a plain user 403', async () => {
    expect(await logs('?date_from=2024-13-01')).toMatchObject({ status: 400, body: { ...leadsError, message: expect.stringContaining('date_from') } });
    expect(await logs('?lead_id=abc')).toMatchObject({ status: 400, body: { ...leadsError, message: expect.stringContaining('lead_id') } });
    expect(await call(platform.app, 'GET', '/api/logs')).toMatchObject({ status: 401, body: { code: 401, message: '未携带有效token' } });
    await call(platform.app, 'POST', '/api/users/register', { body: { username: 'plain_logs', password: 'secret1' } });
    const plain = (await call(platform.app, 'POST', '/api/users/login', { body: { username: 'plain_logs', password: 'secret1' } })).body.data.token;
    expect(await logs('', plain)).toMatchObject({ status: 403, body: leadsError });
  });
});
