import { z } from 'zod';
import { money2 } from '@platform/kit';
import { graphqlRoute, rateLimit } from '../../framework/route';
import type { RestError } from '../../framework/rest-error';
import { identityText } from '../shared/inputs';
import { uploadUrl } from '../shared/uploads';
import { ccoTimeOrNull } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';

/** Base64 of a 2 MB photo, with room for a `data:` prefix (identity's own bound). */
export const MAX_FACE_IMAGE_CHARS = 2_800_000;
import {
  type ImCollectorFragment,
  ImChangePasswordDocument,
  ImFaceLoginDocument,
  ImLoginDocument,
  ImLogoutDocument,
  ImMeDocument,
  ImRefreshDocument,
} from './operations.generated';

export const collectorUser = z.object({
  id: z.number().int().nullable().describe('The collector id (the admin console’s /collectors id); null for an account without a collections profile'),
  collector_code: z.string().nullable(),
  collector_name: z.string(),
  login_id: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  avatar_url: z.string().nullable().describe('The avatar uploaded through /im/profile/avatar (its /uploads/ URL); null without one'),
  team_id: z.number().int().nullable(),
  team_name: z.string().nullable(),
  agency_name: z.string().nullable(),
  collector_level: z.string().nullable(),
  max_case_count: z.number().int().nullable(),
  current_case_count: z.number().int().nullable(),
  status: z.string().nullable().describe('The work status: active, on_leave or resigned'),
});

export const toUser = (u: ImCollectorFragment, origin: string): z.input<typeof collectorUser> => {
  const p = u.collectorProfile;
  return {
    id: p ? Number(p.id) : null,
    collector_code: p?.collectorCode ?? null,
    collector_name: p?.collectorName ?? u.fullName ?? u.username,
    login_id: u.username,
    mobile: p?.mobile ?? null,
    email: u.email,
    avatar_url: u.avatar ? uploadUrl(origin, u.avatar) : null,
    team_id: p?.teamId ? Number(p.teamId) : null,
    team_name: p?.team?.teamName ?? null,
    agency_name: p?.agency?.agencyName ?? null,
    collector_level: p?.collectorLevel ?? null,
    max_case_count: p?.maxCaseCount ?? null,
    current_case_count: p?.currentCaseCount ?? null,
    status: p?.status ?? null,
  };
};

interface DeviceSummary {
  sessionId: string;
  deviceId: string | null;
  deviceName: string | null;
  deviceModel: string | null;
  lastLoginAt: string | null;
  lastSeenAt: string;
}

/** The 409 of a 4th device names the devices signed in, so the app can offer to sign the oldest out (`force`). */
function deviceLimitData(error: RestError): unknown {
  if (error.code !== 'CONFLICT' || error.details.reason !== 'DEVICE_LIMIT') return undefined;
  const zone = typeof error.details.zone === 'string' ? error.details.zone : 'UTC';
  const devices = (error.details.devices ?? []) as DeviceSummary[];
  return {
    max_devices: error.details.limit,
    devices: devices.map((d) => ({
      session_id: Number(d.sessionId),
      device_id: d.deviceId,
      device_name: d.deviceName,
      device_model: d.deviceModel,
      last_login_at: ccoTimeOrNull(d.lastLoginAt, zone),
      last_active_at: ccoTimeOrNull(d.lastSeenAt, zone),
    })),
  };
}

const device = {
  device_id: z.string().min(1).max(128),
  device_type: z.string().min(1).max(32).optional(),
  device_model: z.string().min(1).max(128).optional(),
  device_name: z.string().min(1).max(128).optional(),
  os_version: z.string().min(1).max(64).optional(),
  app_version: z.string().min(1).max(32).optional(),
};

const FIELDS = {
  login: 'loginId',
  deviceId: 'device_id',
  refreshToken: 'refresh_token',
  faceImage: 'face_image',
  oldPassword: 'old_password',
  newPassword: 'new_password',
};

const loginAnswer = z.object({
  token: z.string(),
  refresh_token: z.string(),
  expires_in: z.number().int(),
  user: collectorUser,
  permissions: z.array(z.string()),
});

const deviceInput = (body: { device_id: string; device_type?: string; device_model?: string; device_name?: string; os_version?: string; app_version?: string }) => ({
  deviceId: body.device_id,
  deviceType: body.device_type,
  deviceModel: body.device_model,
  deviceName: body.device_name,
  osVersion: body.os_version,
  appVersion: body.app_version,
});

/** What the face provider said of the photo, in the app's words (the field is always `face_image` / `face_images`). */
export const faceImageMessage = (error: RestError): string | undefined => {
  // bind-face's photos are `images.<i>` in the graph: say which one to retake.
  const index = typeof error.details.field === 'string' ? /(?:^|\.)(\d+)$/.exec(error.details.field)?.[1] : undefined;
  const which = index === undefined ? '照片' : `第${Number(index) + 1}张照片`;
  switch (error.details.reason) {
    case 'NO_FACE':
      return `${which}中未检测到人脸`;
    case 'MULTIPLE_FACES':
      return `${which}中检测到多张人脸，请仅保留本人`;
    case 'UNREADABLE_IMAGE':
      return `${which}无法识别：请上传JPEG或PNG图片的base64`;
    case 'IMAGE_TOO_LARGE':
      return `${which}过大（最大2MB）`;
    default:
      return undefined;
  }
};

export const ccoImAuthRoutes = [
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/im/auth/login',
    family: ccoIm,
    summary: '催员登录',
    description:
      'Collectors and team leaders only: any other account (an administrator, an SPV…) is 403 禁止访问, a wrong login id ' +
      'or password 401 用户名或密码错误 (5 failed attempts a minute per (loginId, client address), then 429 with ' +
      'Retry-After). Access token 24 h (`expires_in` 86400); `refresh_token` (7 days, rotating) is added for ' +
      '/im/auth/refresh. At most 3 devices signed in at once: a login from the same `device_id` reuses its slot; a 4th ' +
      'device is 409 登录设备已达上限（最多3台） with `data: {max_devices, devices:[{session_id, device_id, device_name, device_model, ' +
      'last_login_at, last_active_at}]}` unless the body says `force: true`, which signs the longest-signed-in device ' +
      'out (its tokens are refused from then on). `permissions` are the account’s permission codes. The user’s ' +
      'fields come from the collections profile (null without one); `id` is the collector id.',
    body: z.object({
      loginId: identityText.login,
      password: identityText.loginPassword,
      ...device,
      force: z.boolean().optional(),
    }),
    response: loginAnswer,
    message: '登录成功',
    rateLimit: rateLimit.operation,
    auth: false,
    fieldAliases: FIELDS,
    errorData: deviceLimitData,
    errorMessages: {
      CONFLICT: (error) => (error.details.reason === 'DEVICE_LIMIT' ? `登录设备已达上限（最多${String(error.details.limit)}台）` : undefined),
    },
    operation: ImLoginDocument,
    variables: ({ body }) => ({
      input: {
        login: body.loginId,
        password: body.password,
        channel: 'APP',
        audience: 'COLLECTOR_APP',
        force: body.force ?? false,
        device: deviceInput(body),
      },
    }),
    map: ({ login }, input) => ({
      token: login.accessToken,
      refresh_token: login.refreshToken,
      expires_in: login.expiresIn,
      user: toUser(login.user, input.origin),
      permissions: login.user.permissions,
    }),
  }),
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/im/auth/face-login',
    family: ccoIm,
    summary: '催员登录（人脸识别）',
    description:
      '`face_image`: base64 of a JPEG or PNG photo (at most 2 MB; a `data:image/...;base64,` prefix is accepted) ' +
      'showing exactly one face, compared with the face bound through /im/profile/bind-face. Answers as the password ' +
      'login (同普通登录), under the same rules: collectors and team leaders only (403), the same 3-device limit (409 ' +
      'with the devices unless `force: true`) — a face match bypasses none of them. 401 人脸验证失败 for a face that ' +
      'does not match (or an unknown loginId), 401 该账号未绑定人脸 for an account without a bound face; both count ' +
      'with failed password logins (5 a minute per loginId and address, then 429). A photo without a face, with ' +
      'several faces, or that is not an image is 400 naming face_image (not counted).',
    body: z.object({
      loginId: identityText.login,
      face_image: z.string().min(1).max(MAX_FACE_IMAGE_CHARS),
      ...device,
      force: z.boolean().optional(),
    }),
    response: loginAnswer,
    message: '登录成功',
    rateLimit: rateLimit.operation,
    auth: false,
    maxTextLength: MAX_FACE_IMAGE_CHARS,
    fieldAliases: FIELDS,
    errorData: deviceLimitData,
    errorMessages: {
      CONFLICT: (error) => (error.details.reason === 'DEVICE_LIMIT' ? `登录设备已达上限（最多${String(error.details.limit)}台）` : undefined),
      INVALID_CREDENTIALS: (error) => (error.details.reason === 'FACE_NOT_BOUND' ? '该账号未绑定人脸，请使用密码登录后在个人中心绑定' : '人脸验证失败'),
      BAD_USER_INPUT: faceImageMessage,
    },
    operation: ImFaceLoginDocument,
    variables: ({ body }) => ({
      input: {
        login: body.loginId,
        faceImage: body.face_image,
        channel: 'APP',
        audience: 'COLLECTOR_APP',
        force: body.force ?? false,
        device: deviceInput(body),
      },
    }),
    map: ({ faceLogin }, input) => ({
      token: faceLogin.accessToken,
      refresh_token: faceLogin.refreshToken,
      expires_in: faceLogin.expiresIn,
      user: toUser(faceLogin.user, input.origin),
      permissions: faceLogin.user.permissions,
    }),
  }),
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/im/auth/refresh',
    family: ccoIm,
    summary: '刷新Token',
    description:
      'Rotating: answers a new access token and a new `refresh_token`; the one presented stops working, and presenting ' +
      'it again is 401 and signs that device out. An unknown or expired refresh token is 401.',
    body: z.object({ refresh_token: z.string().min(1).max(256) }),
    response: z.object({ token: z.string(), refresh_token: z.string(), expires_in: z.number().int() }),
    rateLimit: rateLimit.operation,
    auth: false,
    fieldAliases: FIELDS,
    operation: ImRefreshDocument,
    variables: ({ body }) => ({ refreshToken: body.refresh_token }),
    map: ({ refreshToken: r }) => ({ token: r.accessToken, refresh_token: r.refreshToken, expires_in: r.expiresIn }),
  }),
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/im/auth/logout',
    family: ccoIm,
    summary: '退出登录',
    description: 'Signs this device out (its access and refresh tokens are refused from then on); the other devices stay signed in.',
    message: '登出成功',
    rateLimit: rateLimit.none,
    auth: true,
    operation: ImLogoutDocument,
    map: () => undefined,
  }),
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/im/auth/change-password',
    family: ccoIm,
    summary: '修改密码',
    description:
      '`old_password` must be the current password (400 原密码错误 otherwise — not 401, the token is fine — counted ' +
      'with failed logins: 5 a minute, then 429); `new_password` follows the tenant’s password policy (at least 6 ' +
      'characters by default) and differs from the old one; `confirm_password` must equal it. Every other device of ' +
      'the account is signed out (whoever knew the old password loses access); this device stays signed in. ' +
      'The document shows no answer: `{code:200, message:"密码修改成功"}`.',
    body: z
      .object({
        old_password: identityText.loginPassword,
        new_password: identityText.password,
        confirm_password: identityText.loginPassword,
      })
      // Checked before anything is asked of identity: a typo in the confirmation changes nothing.
      .refine((b) => b.confirm_password === b.new_password, { path: ['confirm_password'], message: 'must equal new_password' }),
    message: '密码修改成功',
    rateLimit: rateLimit.operation,
    auth: true,
    fieldAliases: FIELDS,
    errorMessages: {
      BAD_USER_INPUT: (error) => {
        if (error.details.reason === 'WRONG_PASSWORD') return '原密码错误';
        if (error.details.reason === 'SAME_PASSWORD') return '新密码不能与原密码相同';
        if (error.details.field === 'confirm_password' && error.message.includes('must equal new_password')) return '两次输入的新密码不一致';
        // The password policy (tenant minimum, at most 256), said in the request's own field name.
        if (error.details.field === 'newPassword' || error.details.field === 'new_password') {
          return `新密码不符合密码要求：${error.message.replace(/newPassword/g, 'new_password')}`;
        }
        return undefined;
      },
    },
    operation: ImChangePasswordDocument,
    variables: ({ body }) => ({ input: { oldPassword: body.old_password, newPassword: body.new_password } }),
    map: () => undefined,
  }),
  graphqlRoute({
    method: 'GET',
    path: '/api/v1/im/auth/me',
    family: ccoIm,
    summary: '获取当前催员信息',
    description:
      'The login answer’s user fields plus today_statistics: communications and promises to pay made today (the ' +
      'agency’s local day) and collected_amount, the confirmed repayments credited to the collector that day (two ' +
      'decimals). A token of an account that is not for the app is 403.',
    response: collectorUser.extend({
      today_statistics: z.object({ contact_count: z.number().int(), ptp_count: z.number().int(), collected_amount: z.number() }),
    }),
    rateLimit: rateLimit.none,
    auth: true,
    operation: ImMeDocument,
    map: ({ me }, input) => {
      const today = me.collectorProfile?.recentActivities[0];
      return {
        ...toUser(me, input.origin),
        today_statistics: {
          contact_count: today?.contactCount ?? 0,
          ptp_count: today?.ptpCount ?? 0,
          collected_amount: money2(today?.collectedAmount ?? '0'),
        },
      };
    },
  }),
];
