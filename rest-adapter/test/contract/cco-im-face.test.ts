import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';
import { createImCollectors, imLogin } from '../support/cco-im-collectors';
import { facePhotoBase64 } from '../support/face-photos';

/**
 * CCO collector app § 9.4 (绑定人脸) and § 1.2 (人脸识别登录) through the whole platform, on the offline face provider
 * with the test photographs (each verification runs the real models: a few hundred ms to ~2 s here, so few calls).
 */
const platform = useTestPlatform();
const error = (code: number, message: unknown = expect.any(String)) => ({ code, message, data: null });

let tenantadmin: string;
let collectorIds: number[];
const tokens: Record<string, string> = {};
const photo = facePhotoBase64;

const bind = (token: string | undefined, body: unknown) => call(platform.app, 'POST', '/api/v1/im/profile/bind-face', { token, body });
const faceLogin = (loginId: string, image: string, deviceId: string, extra: Record<string, unknown> = {}) =>
  call(platform.app, 'POST', '/api/v1/im/auth/face-login', { body: { loginId, face_image: image, device_type: 'mobile', device_id: deviceId, ...extra } });
const faceBound = async (token: string) => (await call(platform.app, 'GET', '/api/v1/im/profile', { token })).body.data.face_bound as boolean;

beforeAll(async () => {
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  ({ collectorIds } = await createImCollectors(platform.app, tenantadmin, 2));
  for (const n of ['001', '002']) tokens[n] = (await imLogin(platform.app, `collector${n}`, 'PHONE_1')).body.data.token;
}, 60_000);

describe('POST /api/v1/im/profile/bind-face', () => {
  it('a photo with several faces or none is 400 naming it, and binds nothing', async () => {
    const several = await bind(tokens['001'], { face_images: [photo('person-vlado.jpg'), photo('group-2.jpg')] });
    expect(several).toMatchObject({ status: 400, body: error(400, '第2张照片中检测到多张人脸，请仅保留本人') });
    const none = await bind(tokens['001'], { face_images: [photo('background.jpg')] });
    expect(none).toMatchObject({ status: 400, body: error(400, '第1张照片中未检测到人脸') });
    expect(await faceBound(tokens['001'])).toBe(false);
  });

  it('bad input is 400 naming face_images and binds nothing; no token is 401', async () => {
    for (const body of [{}, { face_images: [] }, { face_images: ['a', 'b', 'c', 'd'] }, { face_images: 'x' }]) {
      expect(await bind(tokens['001'], body)).toMatchObject({ status: 400, body: error(400, expect.stringContaining('face_images')) });
    }
    expect(await bind(tokens['001'], { face_images: ['bm90IGFuIGltYWdl'] })).toMatchObject({ status: 400, body: error(400, expect.stringContaining('无法识别')) });
    expect(await faceBound(tokens['001'])).toBe(false);
    expect(await bind(undefined, { face_images: [photo('person-vlado.jpg')] })).toMatchObject({ status: 401, body: error(401) });
  });

  it('binds the collector’s face', async () => {
    const res = await bind(tokens['001'], { face_images: [`data:image/jpeg;base64,${photo('person-vlado.jpg')}`] });
    expect(res).toEqual({ status: 200, body: { code: 200, message: '绑定成功', data: { face_bound: true, bound_at: expect.stringMatching(CCO_TIME) } }, headers: expect.any(Object) });
    expect(await faceBound(tokens['001'])).toBe(true);
  });
});

describe('POST /api/v1/im/auth/face-login', () => {
  it('the same person, photographed years later, signs in: the password login’s documented answer', async () => {
    const res = await faceLogin('collector001', photo('person-vlado5.jpg'), 'PHONE_1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '登录成功',
      data: {
        token: expect.any(String),
        refresh_token: expect.any(String),
        expires_in: 86400,
        user: expect.objectContaining({ id: collectorIds[0], login_id: 'collector001', collector_code: 'COL_001', team_name: 'M1催收小组' }),
        permissions: expect.any(Array),
      },
    });
    expect((await call(platform.app, 'GET', '/api/v1/im/auth/me', { token: res.body.data.token })).status).toBe(200);
  });

  it('another person is 401 人脸验证失败; an account without a bound face is 401 saying so; an unknown login 401', async () => {
    expect(await faceLogin('collector001', photo('person-tasia.jpg'), 'PHONE_X')).toMatchObject({ status: 401, body: error(401, '人脸验证失败') });
    expect(await faceLogin('collector002', photo('person-vlado1.jpg'), 'PHONE_X')).toMatchObject({
      status: 401,
      body: error(401, '该账号未绑定人脸，请使用密码登录后在个人中心绑定'),
    });
    expect(await faceLogin('nobody_here', photo('person-vlado1.jpg'), 'PHONE_X')).toMatchObject({ status: 401, body: error(401, '人脸验证失败') });
  });

  it('failures count with password logins: after 5 a minute the face login is 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await faceLogin('ghost_collector', photo('person-vlado1.jpg'), 'PHONE_X')).toMatchObject({ status: 401, body: error(401, '人脸验证失败') });
    }
    const locked = await faceLogin('ghost_collector', photo('person-vlado1.jpg'), 'PHONE_X');
    expect(locked).toMatchObject({ status: 429, body: error(429) });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a photo with several faces or none is 400 naming face_image; missing fields are 400', async () => {
    expect(await faceLogin('collector001', photo('group-2.jpg'), 'PHONE_X')).toMatchObject({ status: 400, body: error(400, '照片中检测到多张人脸，请仅保留本人') });
    expect(await faceLogin('collector001', photo('background.jpg'), 'PHONE_X')).toMatchObject({ status: 400, body: error(400, '照片中未检测到人脸') });
    for (const field of ['loginId', 'face_image', 'device_id']) {
      const body: Record<string, unknown> = { loginId: 'collector001', face_image: 'eA==', device_id: 'PHONE_X' };
      delete body[field];
      expect(await call(platform.app, 'POST', '/api/v1/im/auth/face-login', { body })).toMatchObject({ status: 400, body: error(400, expect.stringContaining(field)) });
    }
  });

  it('keeps the device rules: a 4th device is 409 with the devices, force signs the oldest out', async () => {
    // PHONE_1 is signed in; two more password devices fill the three slots.
    await imLogin(platform.app, 'collector001', 'PHONE_2');
    await imLogin(platform.app, 'collector001', 'PHONE_3');
    const refused = await faceLogin('collector001', photo('person-vlado1.jpg'), 'PHONE_4');
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 409, message: '登录设备已达上限（最多3台）', data: { max_devices: 3, devices: expect.any(Array) } },
    });
    expect(refused.body.data.devices.map((d: { device_id: string }) => d.device_id).sort()).toEqual(['PHONE_1', 'PHONE_2', 'PHONE_3']);
    const forced = await faceLogin('collector001', photo('person-vlado1.jpg'), 'PHONE_4', { force: true });
    expect(forced.status).toBe(200);
    // The oldest sign-in (PHONE_1, from beforeAll) is signed out.
    expect((await call(platform.app, 'GET', '/api/v1/im/auth/me', { token: tokens['001'] })).status).toBe(401);
  });

  it('an account that is not for the app is 403 even with a matching face', async () => {
    const res = await bind(tenantadmin, { face_images: [photo('person-vlado.jpg')] });
    expect(res.status).toBe(200);
    expect(await faceLogin('tenantadmin', photo('person-vlado1.jpg'), 'PHONE_A')).toMatchObject({ status: 403, body: error(403) });
  });
});
