import { PNG } from 'pngjs';
import { useTestPlatform } from '../support/platform';
import { bearer, call, ccoAdminToken, CCO_TIME } from '../support/contract';
import { COLLECTOR_PASSWORD, createImCollectors, imLogin } from '../support/cco-im-collectors';
import { multipart } from '../support/multipart';

/** CCO collector app § 9 (个人中心) and § 1.6 (修改密码) through the whole platform. */
const platform = useTestPlatform();
const error = (code: number, message: unknown = expect.any(String)) => ({ code, message, data: null });

let tenantadmin: string;
let collectorIds: number[];
const tokens: Record<string, string> = {};

const profile = (token: string) => call(platform.app, 'GET', '/api/v1/im/profile', { token });

async function uploadAvatar(token: string | undefined, file?: { name: string; type: string; bytes: Buffer }) {
  const body = multipart({}, file);
  const res = await platform.app.inject({
    method: 'POST',
    url: '/api/v1/im/profile/avatar',
    headers: { ...body.headers, ...(token ? bearer(token) : {}) },
    payload: body.payload,
  });
  return { status: res.statusCode, body: res.json() };
}

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image);
}

beforeAll(async () => {
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  ({ collectorIds } = await createImCollectors(platform.app, tenantadmin, 4));
  for (const n of ['001', '002', '003', '004']) tokens[n] = (await imLogin(platform.app, `collector${n}`, `DEVICE_${n}`)).body.data.token;
});

describe('GET /api/v1/im/profile', () => {
  it('answers the documented profile of the signed-in collector, unmasked, with work_status and face_bound', async () => {
    const res = await profile(tokens['001']);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        id: collectorIds[0],
        collector_code: 'COL_001',
        collector_name: '催员001',
        login_id: 'collector001',
        mobile: '+63-917-123-4567',
        email: 'collector001@example.com',
        avatar_url: null,
        gender: null,
        date_of_birth: null,
        work_status: 'offline',
        face_bound: false,
        work_info: {
          employee_no: null,
          team_name: 'M1催收小组',
          agency_name: '催收机构1',
          collector_level: '高级',
          join_date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
          max_case_count: 150,
          specialties: [],
        },
        statistics_summary: { total_cases_handled: 0, total_collected_amount: 0, average_resolution_rate: 0, performance_score: null },
      },
    });
  });

  it('without a token is 401; an administrator’s token is 403', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/im/profile')).toMatchObject({ status: 401, body: error(401) });
    expect(await profile(tenantadmin)).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('PUT /api/v1/im/profile', () => {
  const put = (token: string | undefined, body: unknown) => call(platform.app, 'PUT', '/api/v1/im/profile', { token, body });

  it('changes the collector’s own mobile and e-mail; absent fields stay', async () => {
    const res = await put(tokens['002'], { mobile: '+63-917-000-1122', email: 'NEW002@example.com' });
    expect(res).toMatchObject({ status: 200, body: { code: 200, message: '更新成功' } });
    expect((await profile(tokens['002'])).body.data).toMatchObject({ mobile: '+63-917-000-1122', email: 'new002@example.com' });
    expect(await put(tokens['002'], { mobile: '+63 917 000 3344' })).toMatchObject({ status: 200 });
    expect((await profile(tokens['002'])).body.data).toMatchObject({ mobile: '+63 917 000 3344', email: 'new002@example.com' });
    // The admin console sees the same account.
    const detail = await call(platform.app, 'GET', `/api/v1/collectors/${collectorIds[1]}`, { token: tenantadmin });
    expect(detail.body.data).toMatchObject({ email: 'new002@example.com' });
  });

  it('bad input is 400 naming the field and changes nothing', async () => {
    const before = (await profile(tokens['003'])).body.data;
    for (const [body, field] of [
      [{ email: 'not-an-email', mobile: '+63-917-999-0000' }, 'email'],
      [{ mobile: 'call me maybe' }, 'mobile'],
      [{ mobile: 12345 }, 'mobile'],
      [{ avatar_url: 'https://cdn.example.com/avatar/x.jpg' }, 'avatar_url'],
    ] as const) {
      const res = await put(tokens['003'], body);
      expect(res).toMatchObject({ status: 400, body: error(400, expect.stringContaining(field)) });
    }
    expect((await profile(tokens['003'])).body.data).toEqual(before);
  });

  it('an e-mail another account has is 409 and changes nothing (the mobile sent with it neither)', async () => {
    const before = (await profile(tokens['003'])).body.data;
    const res = await put(tokens['003'], { email: 'collector004@example.com', mobile: '+63-917-555-0000' });
    expect(res).toMatchObject({ status: 409, body: error(409) });
    expect((await profile(tokens['003'])).body.data).toEqual(before);
  });

  it('without a token is 401', async () => {
    expect(await put(undefined, { mobile: '+63-917-000-1122' })).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('POST /api/v1/im/profile/avatar', () => {
  it('stores the picture with its content type; login, me and profile answer its avatar_url, which serves it', async () => {
    const bytes = png(8, 8);
    const res = await uploadAvatar(tokens['001'], { name: 'me.png', type: 'application/octet-stream', bytes });
    expect(res).toEqual({ status: 200, body: { code: 200, message: 'success', data: { avatar_url: expect.stringMatching(/^http:\/\/[^/]+\/uploads\/[^/]+\/me\.png$/) } } });
    const url: string = res.body.data.avatar_url;
    expect((await profile(tokens['001'])).body.data.avatar_url).toBe(url);
    expect((await call(platform.app, 'GET', '/api/v1/im/auth/me', { token: tokens['001'] })).body.data.avatar_url).toBe(url);
    expect((await imLogin(platform.app, 'collector001', 'DEVICE_001')).body.data.user.avatar_url).toBe(url);
    tokens['001'] = (await imLogin(platform.app, 'collector001', 'DEVICE_001')).body.data.token;
    // A colleague's app shows it; the bytes come back as uploaded, as image/png (sniffed, not the declared type).
    const served = await platform.app.inject({ method: 'GET', url: new URL(url).pathname, headers: bearer(tokens['002']) });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(bytes)).toBe(true);
    // Naming the avatar one has is accepted by PUT /im/profile and changes nothing.
    expect(await call(platform.app, 'PUT', '/api/v1/im/profile', { token: tokens['001'], body: { avatar_url: url } })).toMatchObject({ status: 200 });
    // A new upload replaces it.
    const next = await uploadAvatar(tokens['001'], { name: 'next.png', type: 'image/png', bytes: png(4, 4) });
    expect((await profile(tokens['001'])).body.data.avatar_url).toBe(next.body.data.avatar_url);
  });

  it('something that is not a picture is 400, no file is 400, more than 10 MB is 413; the avatar stays', async () => {
    const before = (await profile(tokens['001'])).body.data.avatar_url;
    expect(await uploadAvatar(tokens['001'], { name: 'x.png', type: 'image/png', bytes: Buffer.from('%PDF-1.4 not a picture') })).toMatchObject({
      status: 400,
      body: error(400, expect.stringContaining('file')),
    });
    expect(await uploadAvatar(tokens['001'])).toMatchObject({ status: 400, body: error(400, expect.stringContaining('file')) });
    const big = Buffer.concat([png(4, 4), Buffer.alloc(10 * 1024 * 1024)]);
    expect(await uploadAvatar(tokens['001'], { name: 'big.png', type: 'image/png', bytes: big })).toMatchObject({ status: 413, body: error(413) });
    expect((await profile(tokens['001'])).body.data.avatar_url).toBe(before);
  });

  it('without a token is 401', async () => {
    expect(await uploadAvatar(undefined, { name: 'me.png', type: 'image/png', bytes: png(2, 2) })).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('PUT /api/v1/im/profile/work-status', () => {
  const set = (token: string | undefined, body: unknown) => call(platform.app, 'PUT', '/api/v1/im/profile/work-status', { token, body });

  it('sets each documented status; the profile shows it', async () => {
    for (const status of ['online', 'busy', 'away', 'offline', 'online']) {
      const res = await set(tokens['004'], { work_status: status });
      expect(res).toEqual({ status: 200, body: { code: 200, message: '更新成功', data: { work_status: status, updated_at: expect.stringMatching(CCO_TIME) } }, headers: expect.any(Object) });
    }
    expect((await profile(tokens['004'])).body.data.work_status).toBe('online');
  });

  it('an undocumented or missing status is 400 naming work_status and changes nothing; no token is 401', async () => {
    for (const body of [{ work_status: 'sleeping' }, {}, { work_status: 1 }]) {
      expect(await set(tokens['004'], body)).toMatchObject({ status: 400, body: error(400, expect.stringContaining('work_status')) });
    }
    expect((await profile(tokens['004'])).body.data.work_status).toBe('online');
    expect(await set(undefined, { work_status: 'busy' })).toMatchObject({ status: 401, body: error(401) });
  });

  it('an account without a collections profile is 404', async () => {
    expect(await set(tenantadmin, { work_status: 'busy' })).toMatchObject({ status: 404, body: error(404) });
  });
});

describe('POST /api/v1/im/auth/change-password', () => {
  const change = (token: string | undefined, body: unknown) => call(platform.app, 'POST', '/api/v1/im/auth/change-password', { token, body });
  const valid = { old_password: COLLECTOR_PASSWORD, new_password: 'new123456', confirm_password: 'new123456' };

  it('bad input is 400 naming the field (原密码错误 for a wrong current password) and changes nothing', async () => {
    const token = tokens['003'];
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, old_password: 'wrong-one' }, '原密码错误'],
      [{ ...valid, confirm_password: 'new1234567' }, '两次输入的新密码不一致'],
      [{ ...valid, new_password: '12345', confirm_password: '12345' }, 'new_password'],
      [{ ...valid, new_password: COLLECTOR_PASSWORD, confirm_password: COLLECTOR_PASSWORD }, '新密码不能与原密码相同'],
      [{ new_password: 'new123456', confirm_password: 'new123456' }, 'old_password'],
      [{ old_password: COLLECTOR_PASSWORD, new_password: 'new123456' }, 'confirm_password'],
    ];
    for (const [body, message] of cases) {
      expect(await change(token, body)).toMatchObject({ status: 400, body: error(400, expect.stringContaining(message)) });
    }
    // Still the old password, and still signed in.
    expect((await imLogin(platform.app, 'collector003', 'DEVICE_003')).status).toBe(200);
    expect(await change(undefined, valid)).toMatchObject({ status: 401, body: error(401) });
  });

  it('changes the password: the old one stops working, other devices are signed out, this one stays signed in', async () => {
    const here = (await imLogin(platform.app, 'collector002', 'PHONE_HERE')).body.data.token;
    const other = (await imLogin(platform.app, 'collector002', 'PHONE_OTHER')).body.data.token;
    expect(await change(here, valid)).toEqual({ status: 200, body: { code: 200, message: '密码修改成功' }, headers: expect.any(Object) });
    expect((await call(platform.app, 'GET', '/api/v1/im/auth/me', { token: here })).status).toBe(200);
    expect((await call(platform.app, 'GET', '/api/v1/im/auth/me', { token: other })).status).toBe(401);
    expect(await imLogin(platform.app, 'collector002', 'PHONE_HERE')).toMatchObject({ status: 401, body: error(401, '用户名或密码错误') });
    expect((await imLogin(platform.app, 'collector002', 'PHONE_HERE', { password: 'new123456' })).status).toBe(200);
  });
});
