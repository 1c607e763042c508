import { isoUtc, type ErrorCode } from '@platform/kit';
import { asDate, familyMessage, schema, type Family, type SuccessContext } from '../../framework/family';
import type { RestError } from '../../framework/rest-error';
import { assertNever } from '../../framework/status';

/** The 004 error-code table ("错误码说明"); rate limiting has no row there, so it gets `RATE_001` in the same style. */
export function hrErrorCode(error: RestError): string {
  const code: ErrorCode = error.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'AUTH_001';
    case 'INVALID_CREDENTIALS':
      return 'AUTH_002';
    case 'FORBIDDEN':
      return 'AUTH_003';
    case 'BAD_USER_INPUT':
      return error.details.reason === 'MALFORMED' ? 'VALID_002' : 'VALID_001';
    case 'NOT_FOUND':
      return 'RESOURCE_001';
    case 'CONFLICT':
      return 'RESOURCE_002';
    case 'BUSINESS_RULE':
      return 'BUSINESS_001';
    case 'RATE_LIMITED':
      return 'RATE_001';
    case 'UNAVAILABLE':
      return 'SYSTEM_002';
    case 'INTERNAL':
      return 'SYSTEM_001';
    default:
      return assertNever(code);
  }
}

const TABLE_TEXT: Record<string, string> = {
  AUTH_001: 'Token 无效或已过期',
  AUTH_002: '用户名或密码错误',
  AUTH_003: '权限不足',
  VALID_001: '请求参数验证失败',
  VALID_002: '数据格式错误',
  RESOURCE_001: '资源不存在',
  RESOURCE_002: '资源冲突',
  BUSINESS_001: '业务逻辑错误',
  RATE_001: '请求过于频繁',
  SYSTEM_001: '系统内部错误',
  SYSTEM_002: '服务暂时不可用',
};

/** The 004 table's text for a code (`AUTH_001` → `Token 无效或已过期`). */
export const hrErrorText = (code: string): string | undefined => TABLE_TEXT[code];

function defaultMessage(ctx: SuccessContext): string {
  if (ctx.status === 201) return '创建成功';
  return ctx.method === 'GET' ? '查询成功' : '操作成功';
}

/** HR 004: `{data, message, request_id}`; errors `{error:{code, message, details, request_id}}`; ISO 8601 UTC. */
export const hr004: Family = {
  id: 'hr004',
  title: 'HR 004',
  invalidInputStatus: 422,
  fieldCase: 'snake',
  success: (payload, ctx) => ({
    data: payload ?? null,
    message: ctx.message ?? defaultMessage(ctx),
    request_id: ctx.requestId,
  }),
  error(error, ctx) {
    const code = hrErrorCode(error);
    const details = error.code === 'INTERNAL' ? {} : { ...error.details };
    return {
      error: { code, message: familyMessage(error, ctx, TABLE_TEXT[code]), details, request_id: ctx.requestId },
    };
  },
  successSchema: (data) =>
    schema.object({ data: data ?? { type: 'null' }, message: schema.string, request_id: schema.string }),
  errorSchema: schema.object({
    error: schema.object({
      code: { type: 'string', enum: Object.keys(TABLE_TEXT) },
      message: schema.string,
      details: { type: 'object' },
      request_id: schema.string,
    }),
  }),
  time: (value) => isoUtc(asDate(value)),
};
