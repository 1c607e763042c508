import { useTestPlatform } from '../support/platform';
import { call, hrError, hrOk, hrToken, ISO_UTC, plainUserToken } from '../support/contract';

const platform = useTestPlatform();
let admin: string;
let plain: string;
const ids: Record<string, string> = {};

async function create(body: Record<string, unknown>) {
  return call(platform.app, 'POST', '/api/positions', { token: admin, body });
}

beforeAll(async () => {
  admin = await hrToken(platform.app, 'admin', 'Admin123456');
  plain = await plainUserToken(platform.app);
  ids.ceo = (await create({ name: 'CEO', code: 'ceo', level: 1 })).body.data.id;
  ids.cto = (await create({ name: '技术总监', code: 'cto', level: 2, parent_id: ids.ceo })).body.data.id;
});

describe('POST /api/positions', () => {
  it('creates (201) and answers the documented position', async () => {
    const res = await create({
      name: '高级开发工程师',
      code: 'senior_developer',
      description: '负责核心业务系统开发',
      level: 3,
      parent_id: ids.cto,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      hrOk({
        id: expect.any(String),
        name: '高级开发工程师',
        code: 'senior_developer',
        description: '负责核心业务系统开发',
        level: 3,
        parent_id: ids.cto,
        parent: { id: ids.cto, name: '技术总监' },
        created_at: expect.stringMatching(ISO_UTC),
      }),
    );
    ids.senior = res.body.data.id;
  });

  it('a taken code is 409; a missing level is 422 and creates nothing; a plain user is 403', async () => {
    expect(await create({ name: 'Dup', code: 'ceo', level: 1 })).toMatchObject({ status: 409, body: hrError('RESOURCE_002') });
    expect(await create({ name: 'NoLevel', code: 'no_level' })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'level', reason: 'REQUIRED' }),
    });
    expect(await call(platform.app, 'POST', '/api/positions', { token: plain, body: { name: 'X', code: 'x', level: 1 } })).toMatchObject({
      status: 403,
      body: hrError('AUTH_003'),
    });
    const list = await call(platform.app, 'GET', '/api/positions?search=no_level', { token: admin });
    expect(list.body.data.total).toBe(0);
  });
});

describe('GET /api/positions', () => {
  it('answers the documented list items', async () => {
    const res = await call(platform.app, 'GET', '/api/positions?level=2', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({
        items: [
          {
            id: ids.cto,
            name: '技术总监',
            code: 'cto',
            level: 2,
            parent: { id: ids.ceo, name: 'CEO' },
            employee_count: 0,
            children_count: 1,
          },
        ],
        total: 1,
        page: 1,
        page_size: 100,
        pages: 1,
      }),
    );
  });

  it('?tree=true answers the documented tree', async () => {
    const res = await call(platform.app, 'GET', '/api/positions?tree=true', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk([
        {
          id: ids.ceo,
          name: 'CEO',
          code: 'ceo',
          level: 1,
          employee_count: 0,
          children: [
            {
              id: ids.cto,
              name: '技术总监',
              code: 'cto',
              level: 2,
              employee_count: 0,
              children: [{ id: ids.senior, name: '高级开发工程师', code: 'senior_developer', level: 3, employee_count: 0, children: [] }],
            },
          ],
        },
      ]),
    );
  });

  it('a bad tree flag is 422; anonymous is 401', async () => {
    expect(await call(platform.app, 'GET', '/api/positions?tree=maybe', { token: admin })).toMatchObject({ status: 422 });
    expect(await call(platform.app, 'GET', '/api/positions')).toMatchObject({ status: 401, body: hrError('AUTH_001') });
  });
});

describe('GET/PUT/DELETE /api/positions/{id}, move', () => {
  it('GET answers the documented detail with parent.full_path, children and employees', async () => {
    await call(platform.app, 'POST', '/api/employees', {
      token: admin,
      body: { username: 'zhangsan', password: 'Password123', full_name: '张三', position_id: ids.senior },
    });
    const res = await call(platform.app, 'GET', `/api/positions/${ids.senior}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({
        id: ids.senior,
        name: '高级开发工程师',
        code: 'senior_developer',
        description: '负责核心业务系统开发',
        level: 3,
        parent_id: ids.cto,
        parent: { id: ids.cto, name: '技术总监', full_path: 'CEO > 技术总监' },
        children: [],
        employees: [{ id: expect.any(String), full_name: '张三', username: 'zhangsan' }],
        full_path: 'CEO > 技术总监 > 高级开发工程师',
        created_at: expect.stringMatching(ISO_UTC),
        updated_at: expect.stringMatching(ISO_UTC),
      }),
    );
    const cto = await call(platform.app, 'GET', `/api/positions/${ids.cto}`, { token: admin });
    expect(cto.body.data.children).toEqual([{ id: ids.senior, name: '高级开发工程师' }]);
  });

  it('GET of an unknown id is 404', async () => {
    expect(await call(platform.app, 'GET', '/api/positions/999999', { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
  });

  it('PUT updates and answers the detail; a bad level is 422 and changes nothing', async () => {
    const res = await call(platform.app, 'PUT', `/api/positions/${ids.senior}`, {
      token: admin,
      body: { name: '资深开发工程师', description: '负责核心业务系统开发和技术架构设计', level: 4 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: ids.senior, name: '资深开发工程师', level: 4, full_path: 'CEO > 技术总监 > 资深开发工程师' });
    expect(await call(platform.app, 'PUT', `/api/positions/${ids.senior}`, { token: admin, body: { name: 'X', level: 0 } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'level', reason: 'INVALID' }),
    });
    expect((await call(platform.app, 'GET', `/api/positions/${ids.senior}`, { token: admin })).body.data.name).toBe('资深开发工程师');
  });

  it('POST move: under its own descendant is 400 BUSINESS_001; to the root works', async () => {
    expect(await call(platform.app, 'POST', `/api/positions/${ids.ceo}/move`, { token: admin, body: { new_parent_id: ids.senior } })).toMatchObject({
      status: 400,
      body: hrError('BUSINESS_001'),
    });
    expect(await call(platform.app, 'POST', `/api/positions/${ids.senior}/move`, { token: admin, body: { new_level: 2 } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'new_parent_id', reason: 'REQUIRED' }),
    });
    const res = await call(platform.app, 'POST', `/api/positions/${ids.senior}/move`, { token: admin, body: { new_parent_id: null, new_level: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: ids.senior, parent_id: null, parent: null, level: 1, full_path: '资深开发工程师' });
  });

  it('DELETE: with employees is 400 BUSINESS_001; an empty one is 204 then 404', async () => {
    expect(await call(platform.app, 'DELETE', `/api/positions/${ids.senior}`, { token: admin })).toMatchObject({
      status: 400,
      body: hrError('BUSINESS_001'),
    });
    const empty = (await create({ name: 'Temp', code: 'temp', level: 5 })).body.data.id;
    const res = await platform.app.inject({ method: 'DELETE', url: `/api/positions/${empty}`, headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await call(platform.app, 'GET', `/api/positions/${empty}`, { token: admin })).toMatchObject({ status: 404 });
  });
});
