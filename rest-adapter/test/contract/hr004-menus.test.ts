import { useTestPlatform } from '../support/platform';
import { call, hrError, hrOk, hrToken, ISO_UTC, plainUserToken } from '../support/contract';

const platform = useTestPlatform();
let admin: string;
let plain: string;

beforeAll(async () => {
  admin = await hrToken(platform.app, 'admin', 'Admin123456');
  plain = await plainUserToken(platform.app);
});

const menuShape = (fields: Record<string, unknown>) => ({
  id: expect.any(String),
  name: expect.any(String),
  code: expect.any(String),
  path: null,
  icon: null,
  parent_id: null,
  sort_order: expect.any(Number),
  permission: null,
  is_visible: true,
  created_at: expect.stringMatching(ISO_UTC),
  updated_at: expect.stringMatching(ISO_UTC),
  ...fields,
});

describe('/api/menus', () => {
  let reportsId: string;
  let childId: string;

  it('POST creates (201) and answers the menu', async () => {
    const res = await call(platform.app, 'POST', '/api/menus', {
      token: admin,
      body: { name: '报表', code: 'reports', path: '/reports', icon: 'chart', sort_order: 10, permission: 'reports:view' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(hrOk(menuShape({ name: '报表', code: 'reports', path: '/reports', icon: 'chart', sort_order: 10, permission: 'reports:view' })));
    reportsId = res.body.data.id;
    const child = await call(platform.app, 'POST', '/api/menus', {
      token: admin,
      body: { name: '月报', code: 'monthly_reports', parent_id: reportsId, sort_order: 1 },
    });
    expect(child.status).toBe(201);
    childId = child.body.data.id;
  });

  it('POST: a taken code is 409; a missing name is 422 and creates nothing; a plain user is 403', async () => {
    expect(await call(platform.app, 'POST', '/api/menus', { token: admin, body: { name: 'X', code: 'reports' } })).toMatchObject({
      status: 409,
      body: hrError('RESOURCE_002'),
    });
    expect(await call(platform.app, 'POST', '/api/menus', { token: admin, body: { code: 'nameless' } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'name', reason: 'REQUIRED' }),
    });
    expect(await call(platform.app, 'POST', '/api/menus', { token: plain, body: { name: 'X', code: 'x' } })).toMatchObject({
      status: 403,
      body: hrError('AUTH_003'),
    });
    const all = await call(platform.app, 'GET', '/api/menus', { token: admin });
    expect(all.body.data.items.map((m: { code: string }) => m.code)).not.toContain('nameless');
  });

  it('GET answers the 004 page of menus; ?tree=true nests them', async () => {
    const res = await call(platform.app, 'GET', '/api/menus', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({ items: expect.any(Array), total: expect.any(Number), page: 1, page_size: 100, pages: 1 }),
    );
    expect(res.body.data.items).toContainEqual(menuShape({ id: childId, name: '月报', code: 'monthly_reports', parent_id: reportsId, sort_order: 1 }));
    const tree = await call(platform.app, 'GET', '/api/menus?tree=true', { token: admin });
    const reports = tree.body.data.find((m: { id: string }) => m.id === reportsId);
    expect(reports.children).toEqual([{ ...menuShape({ id: childId, name: '月报', code: 'monthly_reports', parent_id: reportsId, sort_order: 1 }), children: [] }]);
    expect(await call(platform.app, 'GET', '/api/menus', { token: plain })).toMatchObject({ status: 403, body: hrError('AUTH_003') });
  });

  it('GET /user answers the caller\'s menu tree', async () => {
    const res = await call(platform.app, 'GET', '/api/menus/user', { token: plain });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(hrOk(expect.any(Array)));
    const codes = res.body.data.map((m: { code: string }) => m.code);
    expect(codes).toContain('worklogs');
    expect(codes).not.toContain('employees');
    const mine = await call(platform.app, 'GET', '/api/menus/user', { token: admin });
    expect(mine.body.data.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['employees', 'positions', 'roles']));
    for (const node of mine.body.data) expect(node).toEqual(expect.objectContaining({ children: expect.any(Array) }));
    expect(await call(platform.app, 'GET', '/api/menus/user')).toMatchObject({ status: 401, body: hrError('AUTH_001') });
  });

  it('PUT updates and answers the menu; unknown id is 404; a bad type is 422 and changes nothing', async () => {
    const res = await call(platform.app, 'PUT', `/api/menus/${childId}`, { token: admin, body: { name: '月度报表', is_visible: false } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: childId, name: '月度报表', is_visible: false, code: 'monthly_reports' });
    expect(await call(platform.app, 'PUT', '/api/menus/999999', { token: admin, body: { name: 'X' } })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
    expect(await call(platform.app, 'PUT', `/api/menus/${childId}`, { token: admin, body: { name: 'Y', sort_order: 'first' } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'sort_order', reason: 'INVALID' }),
    });
    const all = await call(platform.app, 'GET', '/api/menus', { token: admin });
    expect(all.body.data.items.find((m: { id: string }) => m.id === childId).name).toBe('月度报表');
  });

  it('DELETE is 204, then 404', async () => {
    const res = await platform.app.inject({ method: 'DELETE', url: `/api/menus/${childId}`, headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await call(platform.app, 'DELETE', `/api/menus/${childId}`, { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
  });
});
