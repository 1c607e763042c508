import { ISO_UTC, call, hrToken } from '../support/contract';
import { useTestPlatform } from '../support/platform';
import { openSocket, type TestSocket } from '../support/socket';

const platform = useTestPlatform();

const SEND = 'mutation($i: SendNotificationInput!) { sendNotification(input: $i) { id } }';

let base: string;
let adminToken: string;
let adminId: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  await platform.platform.router.listen(0);
  base = (await platform.adapter.listen(0)).replace(/^http/, 'ws');
  adminToken = await hrToken(platform.app, 'admin', 'Admin123456');
  adminId = String((await graph('{ me { id } }', {}, adminToken)).me.id);
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.close()));
});

async function graph(query: string, variables: Record<string, unknown>, token: string) {
  const result = await platform.platform.router.executor.execute({ query, variables, headers: { authorization: `Bearer ${token}` } });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Record<string, Record<string, unknown>>;
}

const send = async (title: string, to = adminId) =>
  String((await graph(SEND, { i: { recipientId: to, title, body: `${title} body`, category: 'work_log' } }, adminToken)).sendNotification.id);

/** Closed after the test. */
const track = (socket: TestSocket) => {
  sockets.push(socket);
  return socket;
};

/** Sends probes until one arrives, so the socket's upstream subscription is known to be live. */
async function untilLive(socket: TestSocket): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await send('probe');
    try {
      await socket.next(200);
      socket.pending.splice(0); // later probes
      return;
    } catch {
      // not live yet
    }
  }
  throw new Error('the socket never delivered');
}

describe('WS /ws/notifications', () => {
  it('delivers a notice sent with sendNotification within 1 s, in the documented message (token in ?token=)', async () => {
    const socket = track(openSocket(base, `/ws/notifications?token=${adminToken}`));
    await untilLive(socket);

    const sentAt = Date.now();
    const id = await send('新的工作日志评分');
    const message = await socket.next(1000);

    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(message).toEqual({
      type: 'notification',
      data: { id, title: '新的工作日志评分', message: '新的工作日志评分 body', category: 'work_log', timestamp: expect.stringMatching(ISO_UTC), read: false },
    });
  });

  it("delivers the tenant's announcement when it takes effect, once, as a notification of category announcement", async () => {
    const socket = track(openSocket(base, `/ws/notifications?token=${adminToken}`));
    await untilLive(socket);
    const announce = 'mutation($i: CreatePublicNotificationInput!) { createPublicNotification(input: $i) { id } }';
    const effectiveStart = new Date(Date.now() - 1_000).toISOString();
    const created = await graph(announce, { i: { title: '系统维护', content: '今晚 22:00 维护', effectiveStart } }, adminToken);

    expect(await socket.next()).toEqual({
      type: 'notification',
      data: {
        id: `public-${String(created.createPublicNotification.id)}`,
        title: '系统维护',
        message: '今晚 22:00 维护',
        category: 'announcement',
        timestamp: expect.stringMatching(ISO_UTC),
        read: false,
      },
    });
    await expect(socket.next(300)).rejects.toThrow();
  });

  it('accepts the token in a first {type:"auth", token} message', async () => {
    const socket = track(openSocket(base, '/ws/notifications'));
    await socket.opened;
    socket.send({ type: 'auth', token: adminToken });
    await untilLive(socket);
    const id = await send('by auth message');
    expect(await socket.next(1000)).toMatchObject({ type: 'notification', data: { id, title: 'by auth message' } });
  });

  it.each([
    ['a forged token in ?token=', '/ws/notifications?token=forged', undefined],
    ['an empty ?token=', '/ws/notifications?token=', undefined],
    ['a forged token in the auth message', '/ws/notifications', { type: 'auth', token: 'forged' }],
    ['a first message that is not an auth message', '/ws/notifications', { type: 'subscribe' }],
  ])('refuses %s: AUTH_001, then close 4401', async (_what, path, first) => {
    const socket = track(openSocket(base, path));
    await socket.opened;
    if (first) socket.send(first);
    expect(await socket.next()).toEqual({ type: 'error', error: { code: 'AUTH_001', message: 'Token 无效或已过期' } });
    expect((await socket.closed).code).toBe(4401);
  });

  it('ends the socket with AUTH_003 and 4403 when its session is signed out', async () => {
    const token = await hrToken(platform.app, 'admin', 'Admin123456');
    const socket = track(openSocket(base, `/ws/notifications?token=${token}`));
    await untilLive(socket);

    await graph('mutation { logout }', {}, token);

    expect(await socket.next()).toEqual({ type: 'error', error: { code: 'AUTH_003', message: '权限不足' } });
    expect((await socket.closed).code).toBe(4403);
  });

  it('with ?after=<id of the last message received> first delivers what was sent since, in order, then live ones', async () => {
    const seen = await send('seen');
    const missed = [await send('missed 1'), await send('missed 2'), await send('missed 3')];
    const socket = track(openSocket(base, `/ws/notifications?token=${adminToken}&after=${seen}`));

    for (const id of missed) expect(await socket.next()).toMatchObject({ type: 'notification', data: { id } });
    const live = await send('live');
    expect(await socket.next()).toMatchObject({ type: 'notification', data: { id: live, title: 'live' } });
    expect(socket.pending).toEqual([]);
  });

  it('delivers to its recipient only', async () => {
    const other = await hrToken(platform.app, 'tenantadmin', 'admin123');
    const otherSocket = track(openSocket(base, `/ws/notifications?token=${other}`));
    const socket = track(openSocket(base, `/ws/notifications?token=${adminToken}`));
    await untilLive(socket);
    await otherSocket.opened;

    await send('only for admin');
    expect(await socket.next(1000)).toMatchObject({ data: { title: 'only for admin' } });
    await expect(otherSocket.next(300)).rejects.toThrow('no message');
  });

  it("delivers a supervisor's rating of a work log to its author within 1 s (worklogs → activity's template → the socket)", async () => {
    const roles = await call(platform.app, 'GET', '/api/roles?page_size=100', { token: adminToken });
    const userRole = roles.body.data.items.find((r: { code: string }) => r.code === 'user').id;
    const employee = { username: 'ws_rated', password: 'Password123', full_name: '被评分的员工', role_id: userRole };
    expect((await call(platform.app, 'POST', '/api/employees', { token: adminToken, body: employee })).status).toBe(201);
    const employeeToken = await hrToken(platform.app, employee.username, employee.password);
    const logDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const created = await call(platform.app, 'POST', '/api/worklogs', {
      token: employeeToken,
      body: { log_date: logDate, work_content: '整理客户回访记录', completion_status: 'completed', self_rating: 4 },
    });
    expect(created.status).toBe(201);
    const employeeId = String((await graph('{ me { id } }', {}, employeeToken)).me.id);

    const socket = track(openSocket(base, `/ws/notifications?token=${employeeToken}`));
    // Probes addressed to the employee: the socket is live end to end before the rating.
    for (let i = 0; ; i++) {
      await send('probe', employeeId);
      const arrived = await socket.next(200).then(() => true, () => false);
      if (arrived) break;
      if (i > 100) throw new Error('the socket never delivered');
    }
    socket.pending.splice(0);

    const ratedAt = Date.now();
    const rated = await call(platform.app, 'POST', `/api/worklogs/${created.body.data.id}/rate`, {
      token: adminToken,
      body: { supervisor_rating: 5, supervisor_comment: '记录完整' },
    });
    expect(rated.status).toBe(200);
    const message = await socket.next(1000);
    expect(Date.now() - ratedAt).toBeLessThan(1000);
    expect(message).toEqual({
      type: 'notification',
      data: {
        id: expect.any(String),
        title: expect.any(String),
        message: expect.stringContaining('记录完整'),
        category: 'work_log',
        timestamp: expect.stringMatching(ISO_UTC),
        read: false,
      },
    });
    expect(message.data.message).toContain('5');
  });
});
