import { errorOf, LOGIN, platformEm, startIdentity, type Harness, type LoginResult } from './support/harness';
import { ADMIN, createAccount, ME, SUPER_ADMIN, unique } from './support/fixtures';
import { Session } from '../src';
import type { UntypedJson } from '@platform/testkit';

let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
});
afterAll(() => h.close());

const REFRESH = /* GraphQL */ `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const DEVICE_FIELDS = 'id channel deviceId deviceName deviceType deviceModel osVersion appVersion lastLoginAt clientAddress current createdAt';
const MY_DEVICES = `{ myDevices { ${DEVICE_FIELDS} } }`;

type Account = { id: string; username: string; password: string };

/** An APP sign-in from `deviceId`; `extra` adds input fields (force…), `headers` request headers. */
function appLogin(account: Account, deviceId: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const input = { login: account.username, password: account.password, channel: 'APP', device: { deviceId }, ...extra };
  return h.exec(LOGIN, { input }, undefined, headers);
}

async function signedIn(account: Account, deviceId: string, extra: Record<string, unknown> = {}): Promise<LoginResult> {
  const result = await appLogin(account, deviceId, extra);
  if (result.errors) throw new Error(`login from ${deviceId} failed: ${JSON.stringify(errorOf(result))}`);
  return (result.data as { login: LoginResult }).login;
}

const myDevices = async (token: string) => (await h.data(MY_DEVICES, {}, token)).myDevices as Array<Record<string, unknown>>;

describe('APP sign-in names its device', () => {
  it('refuses an APP login without a device, or with an empty device id, naming the field', async () => {
    const account = await createAccount(h, adminToken, { roleCode: 'collector' });
    const bare = await h.exec(LOGIN, { input: { login: account.username, password: account.password, channel: 'APP' } });
    expect(errorOf(bare)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'device' });
    const empty = await appLogin(account, '');
    expect(errorOf(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'device.deviceId' });
  });

  it('records the device, the sign-in time and the client address; 24 h access and 7 d refresh', async () => {
    const account = await createAccount(h, adminToken, { roleCode: 'collector' });
    const before = Date.now();
    const result = await h.exec(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshExpiresIn } }`,
      {
        input: {
          login: account.username,
          password: account.password,
          channel: 'APP',
          device: { deviceId: 'DEVICE_ABC123', deviceName: 'Work phone', deviceType: 'mobile', deviceModel: 'iPhone 13', osVersion: 'iOS 16.0', appVersion: '1.0.0' },
        },
      },
      undefined,
      { 'x-forwarded-for': '203.0.113.7, 10.0.0.2' },
    );
    const login = (result.data as UntypedJson).login;
    expect(login).toMatchObject({ expiresIn: 86400, refreshExpiresIn: 7 * 24 * 3600 });
    const [device] = await myDevices(login.accessToken);
    expect(device).toMatchObject({
      channel: 'APP',
      deviceId: 'DEVICE_ABC123',
      deviceName: 'Work phone',
      deviceType: 'mobile',
      deviceModel: 'iPhone 13',
      osVersion: 'iOS 16.0',
      appVersion: '1.0.0',
      clientAddress: '203.0.113.7',
      current: true,
    });
    expect(Date.parse(device.lastLoginAt as string)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records the client address and sign-in time of WEB sessions too, which use no device slot', async () => {
    const account = await createAccount(h, adminToken, {});
    const result = await h.exec(LOGIN, { input: { login: account.username, password: account.password } }, undefined, {
      'x-forwarded-for': '198.51.100.4',
    });
    const token = (result.data as UntypedJson).login.accessToken;
    const sessions = (await h.data(`{ mySessions { channel clientAddress lastLoginAt current } }`, {}, token)).mySessions;
    expect(sessions).toEqual([{ channel: 'WEB', clientAddress: '198.51.100.4', lastLoginAt: expect.any(String), current: true }]);
    expect(await myDevices(token)).toEqual([]);
  });
});

describe('at most 3 devices at once', () => {
  let account: Account;
  const tokens: Record<string, LoginResult> = {};
  beforeAll(async () => {
    account = await createAccount(h, adminToken, { roleCode: 'collector' });
    for (const device of ['phone-1', 'phone-2', 'phone-3']) tokens[device] = await signedIn(account, device);
  });

  it('a 4th device is refused with CONFLICT DEVICE_LIMIT listing the signed-in devices; nothing changes', async () => {
    const result = await appLogin(account, 'phone-4');
    expect(errorOf(result)).toMatchObject({ code: 'CONFLICT', reason: 'DEVICE_LIMIT' });
    const details = result.errors![0].extensions as { limit: number; devices: Array<Record<string, unknown>> };
    expect(details.limit).toBe(3);
    expect(details.devices.map((d) => d.deviceId)).toEqual(['phone-1', 'phone-2', 'phone-3']);
    expect(details.devices[0]).toEqual({
      sessionId: expect.stringMatching(/^\d+$/),
      deviceId: 'phone-1',
      deviceName: null,
      deviceModel: null,
      lastLoginAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    const devices = await myDevices(tokens['phone-1'].accessToken);
    expect(devices.map((d) => d.deviceId).sort()).toEqual(['phone-1', 'phone-2', 'phone-3']);
    for (const t of Object.values(tokens)) expect((await h.data(ME, {}, t.accessToken)).me.username).toBe(account.username);
  });

  it('WEB sign-ins do not take a device slot', async () => {
    await h.login(account.username, account.password);
    expect(errorOf(await appLogin(account, 'phone-4')).reason).toBe('DEVICE_LIMIT');
  });

  it('a re-login from a signed-in device reuses its slot; that device’s earlier tokens stop working', async () => {
    const before = (await myDevices(tokens['phone-2'].accessToken)).find((d) => d.deviceId === 'phone-2')!;
    const again = await signedIn(account, 'phone-2');
    const devices = await myDevices(again.accessToken);
    expect(devices).toHaveLength(3);
    const reused = devices.find((d) => d.deviceId === 'phone-2')!;
    expect(reused).toMatchObject({ id: before.id, createdAt: before.createdAt, current: true });
    expect(devices[0].deviceId).toBe('phone-2'); // latest sign-in first
    expect(errorOf(await h.exec(ME, {}, tokens['phone-2'].accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(errorOf(await h.exec(REFRESH, { t: tokens['phone-2'].refreshToken })).code).toBe('UNAUTHENTICATED');
    tokens['phone-2'] = again;
  });

  it('force: true signs the oldest device out at once (access token refused, refresh refused)', async () => {
    const oldest = tokens['phone-1'];
    const fourth = await signedIn(account, 'phone-4', { force: true });
    expect(errorOf(await h.exec(ME, {}, oldest.accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(errorOf(await h.exec(REFRESH, { t: oldest.refreshToken })).code).toBe('UNAUTHENTICATED');
    const devices = await myDevices(fourth.accessToken);
    expect(devices.map((d) => d.deviceId).sort()).toEqual(['phone-2', 'phone-3', 'phone-4']);
    expect((await h.data(ME, {}, tokens['phone-3'].accessToken)).me.username).toBe(account.username);
    const row = await platformEm(h).findOneOrFail(Session, { deviceId: 'phone-1', userId: Number(account.id) });
    expect(row.revokeReason).toBe('DEVICE_LIMIT');
    tokens['phone-4'] = fourth;
  });

  it('the limit is per account: another account signs in from a 4th device freely', async () => {
    const other = await createAccount(h, adminToken, { roleCode: 'collector' });
    await signedIn(other, 'phone-5');
    expect(await myDevices(tokens['phone-4'].accessToken)).toHaveLength(3);
  });

  it('a signed-out device frees its slot', async () => {
    const devices = await myDevices(tokens['phone-4'].accessToken);
    const phone3 = devices.find((d) => d.deviceId === 'phone-3')!;
    expect((await h.data(`mutation($s: ID!) { signOutDevice(sessionId: $s) }`, { s: phone3.id }, tokens['phone-4'].accessToken)).signOutDevice).toBe(true);
    expect(errorOf(await h.exec(ME, {}, tokens['phone-3'].accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    await signedIn(account, 'phone-6');
    expect((await myDevices(tokens['phone-4'].accessToken)).map((d) => d.deviceId).sort()).toEqual(['phone-2', 'phone-4', 'phone-6']);
  });
});

describe('signing devices out', () => {
  const SIGN_OUT = `mutation($s: ID!) { signOutDevice(sessionId: $s) }`;
  const SIGN_OUT_USER = `mutation($u: ID!, $s: ID!) { signOutUserDevice(userId: $u, sessionId: $s) }`;
  const USER_DEVICES = `query($u: ID!) { userDevices(userId: $u) { id deviceId current } }`;

  it('signOutDevice works on the caller’s own sessions only; others’ and unknown ids are NOT_FOUND', async () => {
    const mine = await createAccount(h, adminToken, { roleCode: 'collector' });
    const theirs = await createAccount(h, adminToken, { roleCode: 'collector' });
    const myToken = (await signedIn(mine, 'a-1')).accessToken;
    const theirLogin = await signedIn(theirs, 'b-1');
    const theirSession = (await myDevices(theirLogin.accessToken))[0].id;
    expect(errorOf(await h.exec(SIGN_OUT, { s: theirSession }, myToken))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await h.exec(SIGN_OUT, { s: 'abc' }, myToken))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await h.data(ME, {}, theirLogin.accessToken)).me.username).toBe(theirs.username);
    // Signing out one's own current session is a logout; a second time it is gone.
    const own = (await myDevices(myToken))[0].id;
    expect((await h.data(SIGN_OUT, { s: own }, myToken)).signOutDevice).toBe(true);
    expect(errorOf(await h.exec(ME, {}, myToken)).code).toBe('UNAUTHENTICATED');
    const again = (await signedIn(mine, 'a-2')).accessToken;
    expect(errorOf(await h.exec(SIGN_OUT, { s: own }, again)).code).toBe('NOT_FOUND');
  });

  it('an admin of the tenant lists a user’s devices and signs one out remotely: refused at once', async () => {
    const collector = await createAccount(h, adminToken, { roleCode: 'collector' });
    const phone = await signedIn(collector, 'remote-1');
    const tablet = await signedIn(collector, 'remote-2');
    const devices = (await h.data(USER_DEVICES, { u: collector.id }, adminToken)).userDevices;
    expect(devices.map((d: { deviceId: string }) => d.deviceId).sort()).toEqual(['remote-1', 'remote-2']);
    expect(devices.every((d: { current: boolean }) => !d.current)).toBe(true);
    const target = devices.find((d: { deviceId: string }) => d.deviceId === 'remote-1').id;
    expect((await h.data(SIGN_OUT_USER, { u: collector.id, s: target }, adminToken)).signOutUserDevice).toBe(true);
    expect(errorOf(await h.exec(ME, {}, phone.accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(errorOf(await h.exec(REFRESH, { t: phone.refreshToken })).code).toBe('UNAUTHENTICATED');
    expect((await h.data(ME, {}, tablet.accessToken)).me.username).toBe(collector.username);
    // The session must be that user's: another user's id with it is NOT_FOUND.
    const other = await createAccount(h, adminToken, { roleCode: 'collector' });
    const tabletId = devices.find((d: { deviceId: string }) => d.deviceId === 'remote-2').id;
    expect(errorOf(await h.exec(SIGN_OUT_USER, { u: other.id, s: tabletId }, adminToken)).code).toBe('NOT_FOUND');
    expect((await h.data(ME, {}, tablet.accessToken)).me.username).toBe(collector.username);
  });

  it('an admin of another tenant sees and signs out nothing (NOT_FOUND)', async () => {
    const superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
    const tenant = (await h.data(`mutation($c: String!) { createTenant(input: { code: $c, name: "Other" }) { id } }`, { c: unique('T') }, superToken))
      .createTenant;
    const foreignAdmin = await createAccount(h, superToken, { tenantId: tenant.id, roleCode: 'TenantAdmin' });
    const foreignToken = (await h.login(foreignAdmin.username, foreignAdmin.password)).accessToken;
    const collector = await createAccount(h, adminToken, { roleCode: 'collector' });
    const phone = await signedIn(collector, 'far-1');
    const sessionId = (await myDevices(phone.accessToken))[0].id;
    expect(errorOf(await h.exec(USER_DEVICES, { u: collector.id }, foreignToken)).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(SIGN_OUT_USER, { u: collector.id, s: sessionId }, foreignToken)).code).toBe('NOT_FOUND');
    expect((await h.data(ME, {}, phone.accessToken)).me.username).toBe(collector.username);
    // The platform super admin reaches every tenant.
    expect((await h.data(SIGN_OUT_USER, { u: collector.id, s: sessionId }, superToken)).signOutUserDevice).toBe(true);
    expect(errorOf(await h.exec(ME, {}, phone.accessToken)).code).toBe('UNAUTHENTICATED');
  });
});
