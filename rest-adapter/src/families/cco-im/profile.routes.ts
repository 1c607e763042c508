import { z } from 'zod';
import { money2, sniffContentType } from '@platform/kit';
import { invalidInput } from '../../framework/rest-error';
import { graphqlRoute, rateLimit, streamRoute, type StreamDeps } from '../../framework/route';
import { ccoTime, ccoTimeOrNull, tenantZone } from '../cco-admin/cco.shapes';
import { origin, receiveUpload, uploadUrl } from '../shared/uploads';
import { collectorUser, faceImageMessage, MAX_FACE_IMAGE_CHARS, toUser } from './auth.routes';
import { ccoIm } from './cco-im.family';
import {
  ImBindFaceDocument,
  ImMyAvatarDocument,
  ImProfileDocument,
  ImRegisterAvatarDocument,
  ImSetWorkStatusDocument,
  ImUpdateMyAccountDocument,
  ImUpdateMyCollectorProfileDocument,
} from './operations.generated';

/** 9.3 上传头像: a picture, at most 10 MB (the platform's upload limit). */
const MAX_AVATAR_BYTES = 10 * 1024 * 1024;
/** What an avatar may be: pictures every app and browser shows, recognised from their bytes (not the declared type). */
const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
/** 9.5 工作状态枚举. */
const WORK_STATUSES = ['online', 'busy', 'away', 'offline'] as const;

const FIELDS = { images: 'face_images', workStatus: 'work_status', avatarUrl: 'avatar_url' };

const profile = z.object({
  id: collectorUser.shape.id,
  collector_code: z.string().nullable(),
  collector_name: z.string(),
  login_id: z.string(),
  mobile: z.string().nullable().describe('The collector’s own work mobile, unmasked (it is theirs)'),
  email: z.string().nullable(),
  avatar_url: z.string().nullable(),
  gender: z.string().nullable().describe('Always null: the platform keeps no gender'),
  date_of_birth: z.string().nullable().describe('Always null: the platform keeps no date of birth'),
  work_status: z.enum(WORK_STATUSES).nullable().describe('The app presence (9.5); null without a collections profile'),
  face_bound: z.boolean().describe('Whether a face is bound for /im/auth/face-login'),
  work_info: z.object({
    employee_no: z.string().nullable(),
    team_name: z.string().nullable(),
    agency_name: z.string().nullable(),
    collector_level: z.string().nullable(),
    join_date: z.string().nullable().describe('The day the collector profile was created (YYYY-MM-DD, tenant zone)'),
    max_case_count: z.number().int().nullable(),
    specialties: z.array(z.string()),
  }),
  statistics_summary: z.object({
    total_cases_handled: z.number().int().describe('Cases ever assigned to the collector'),
    total_collected_amount: z.number().describe('Repayments credited to the collector, two decimals'),
    average_resolution_rate: z.number().describe('Settled or closed / assigned, two decimals'),
    performance_score: z.number().nullable().describe('0–5, null until first computed'),
  }),
});

const common = { family: ccoIm, auth: true, fieldAliases: FIELDS } as const;

/** PUT /im/profile: e-mail at identity first (the one that can be refused: taken), then the mobile at collections. */
async function updateProfile(
  body: { mobile?: string | null; email?: string | null; avatar_url?: string | null },
  base: string,
  deps: StreamDeps,
) {
  if (body.avatar_url !== undefined) {
    // An avatar is set by uploading it; naming the current one (as the upload answered it) is accepted unchanged.
    const { me } = await deps.graph(ImMyAvatarDocument, {});
    const current = me.avatar?.id;
    const named = /\/uploads\/([^/]+)\//.exec(body.avatar_url ?? '')?.[1];
    if (!current || named !== current || !body.avatar_url?.startsWith(`${base}/uploads/`)) {
      throw invalidInput('avatar_url', 'must be the avatar_url POST /api/v1/im/profile/avatar answered', 'NOT_AN_UPLOADED_AVATAR');
    }
  }
  if (body.email !== undefined) await deps.graph(ImUpdateMyAccountDocument, { input: { email: body.email } });
  if (body.mobile !== undefined) await deps.graph(ImUpdateMyCollectorProfileDocument, { input: { mobile: body.mobile } });
  return { payload: undefined };
}

export const ccoImProfileRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/profile',
    summary: '获取个人资料',
    description:
      'The signed-in collector’s own profile, unmasked. Added beside the documented fields: `work_status` (9.5) and ' +
      '`face_bound`. `gender` and `date_of_birth` are null (the platform keeps neither); `join_date` is the day the ' +
      'collector was created. A token of an account that is not for the app is 403.',
    response: profile,
    rateLimit: rateLimit.none,
    operation: ImProfileDocument,
    map: ({ me }, input) => {
      const p = me.collectorProfile;
      const user = toUser(me, input.origin);
      const zone = tenantZone(me);
      return {
        id: user.id,
        collector_code: user.collector_code,
        collector_name: user.collector_name,
        login_id: user.login_id,
        mobile: user.mobile,
        email: user.email,
        avatar_url: user.avatar_url,
        gender: null,
        date_of_birth: null,
        work_status: (p?.workStatus as (typeof WORK_STATUSES)[number] | undefined) ?? null,
        face_bound: Boolean(me.faceBoundAt),
        work_info: {
          employee_no: p?.employeeNo ?? null,
          team_name: user.team_name,
          agency_name: user.agency_name,
          collector_level: user.collector_level,
          join_date: p ? ccoTime(p.createdAt, zone).slice(0, 10) : null,
          max_case_count: user.max_case_count,
          specialties: p?.specialties ?? [],
        },
        statistics_summary: {
          total_cases_handled: p?.performance.totalCases ?? 0,
          total_collected_amount: money2(p?.performance.totalCollectedAmount ?? '0'),
          average_resolution_rate: p?.performance.resolutionRate ?? 0,
          performance_score: p?.performanceScore ?? null,
        },
      };
    },
  }),
  streamRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/im/profile',
    summary: '更新个人资料',
    description:
      'The fields the document lists, each optional (absent ones stay): `mobile` (the work mobile; null clears it), ' +
      '`email` (unique platform-wide: 409 when another account has it; null clears it) and `avatar_url`, which only ' +
      'accepts the avatar_url POST /im/profile/avatar answered (an avatar is set by uploading it; anything else is ' +
      '400). Nothing is changed when the body is invalid. The document shows no answer: `{code:200, message:"更新成功"}`.',
    rateLimit: rateLimit.normal,
    body: z.object({
      mobile: z.string().trim().min(1).max(50).regex(/^\+?[0-9][0-9 -]{4,48}$/, 'must be a phone number').nullable().optional(),
      email: z.email().max(255).nullable().optional(),
      avatar_url: z.string().max(2048).nullable().optional(),
    }),
    message: '更新成功',
    operations: [ImMyAvatarDocument, ImUpdateMyAccountDocument, ImUpdateMyCollectorProfileDocument],
    handle: (input, request, _reply, deps) => updateProfile(input.body, origin(request), deps),
  }),
  streamRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/profile/avatar',
    summary: '上传头像',
    description:
      'multipart/form-data with the picture in `file` (JPEG, PNG, GIF or WebP as its bytes show, at most 10 MB: 413 ' +
      'otherwise; anything that is not a picture is 400; nothing is kept then). It becomes the avatar at once: ' +
      '`avatar_url` (served to the tenant’s signed-in users with its own content type) is what login, me and ' +
      'profile answer from then on.',
    rateLimit: rateLimit.upload,
    response: z.object({ avatar_url: z.string() }),
    operations: [ImMyAvatarDocument, ImRegisterAvatarDocument],
    form: { file: { type: 'string', format: 'binary', description: 'The picture, at most 10 MB' } },
    async handle(_input, request, _reply, deps) {
      // Who uploads, asked of the graph first (an anonymous or revoked caller is refused before any byte is read).
      const { me } = await deps.graph(ImMyAvatarDocument, {});
      const { staged } = await receiveUpload(request, deps.storage, me.id, { fileField: 'file', maxBytes: MAX_AVATAR_BYTES });
      if (!staged) throw invalidInput('file', 'is required', 'REQUIRED');
      const discard = () => deps.storage.delete(staged.key).catch(() => undefined);
      const contentType = await sniffContentType(staged.meter.firstBytes(), undefined);
      if (!AVATAR_TYPES.includes(contentType)) {
        await discard();
        throw invalidInput('file', 'must be a JPEG, PNG, GIF or WebP picture', 'NOT_A_PICTURE');
      }
      try {
        const { registerUpload: file } = await deps.graph(ImRegisterAvatarDocument, {
          input: {
            stagingKey: staged.key,
            filename: staged.filename || 'avatar',
            size: staged.meter.size,
            sha256: staged.meter.sha256(),
            contentType,
            category: 'avatar',
          },
        });
        return { payload: { avatar_url: uploadUrl(origin(request), file) } };
      } catch (error) {
        await discard();
        throw error;
      }
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/profile/bind-face',
    summary: '绑定人脸',
    description:
      '`face_images`: 1–3 base64 JPEG or PNG photos (at most 2 MB each) of the collector, each showing exactly one ' +
      'face; they replace any face bound before and are kept only as an encrypted face template (never the photos). ' +
      'A photo without a face, with several faces, or that is not an image is 400 naming it (第N张照片…) and binds ' +
      'nothing. Answers `face_bound` and `bound_at`.',
    body: z.object({ face_images: z.array(z.string().min(1).max(MAX_FACE_IMAGE_CHARS)).min(1).max(3) }),
    response: z.object({ face_bound: z.boolean(), bound_at: z.string() }),
    message: '绑定成功',
    rateLimit: rateLimit.upload,
    maxTextLength: MAX_FACE_IMAGE_CHARS,
    errorMessages: { BAD_USER_INPUT: faceImageMessage },
    operation: ImBindFaceDocument,
    variables: ({ body }) => ({ images: body.face_images }),
    map: ({ bindMyFace: u }) => ({ face_bound: true, bound_at: ccoTimeOrNull(u.faceBoundAt, tenantZone(u)) ?? '' }),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/im/profile/work-status',
    summary: '工作状态管理',
    description:
      '`work_status`: online (在线), busy (忙碌), away (离开) or offline (下班); anything else is 400 and changes ' +
      'nothing. Answers the status and when it last changed. An account without a collections profile is 404.',
    body: z.object({ work_status: z.enum(WORK_STATUSES) }),
    response: z.object({ work_status: z.enum(WORK_STATUSES), updated_at: z.string().nullable() }),
    message: '更新成功',
    rateLimit: rateLimit.normal,
    operation: ImSetWorkStatusDocument,
    variables: ({ body }) => ({ input: { workStatus: body.work_status } }),
    map: ({ setMyWorkStatus: s }) => ({
      work_status: s.workStatus as (typeof WORK_STATUSES)[number],
      updated_at: ccoTimeOrNull(s.workStatusAt, tenantZone(s)),
    }),
  }),
];
