import type { ErrorCode } from '@platform/kit';
import {
  asDate,
  routeMessage,
  schema,
  type ErrorContext,
  type Family,
  type JsonSchema,
} from '../../framework/family';
import type { RestError } from '../../framework/rest-error';
import { assertNever } from '../../framework/status';

/** 002 words every error itself (the documents show Chinese messages); the two auth messages are from its §7. */
export function leadsMessage(error: RestError, ctx: ErrorContext): string {
  const override = routeMessage(error, ctx);
  if (override) return override;
  const code: ErrorCode = error.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      return ctx.hadToken ? 'token无效或已过期' : '未携带有效token';
    case 'INVALID_CREDENTIALS':
      return '用户名或密码错误';
    case 'FORBIDDEN':
      return '权限不足';
    case 'NOT_FOUND':
      return '资源不存在';
    case 'CONFLICT':
      return '资源冲突';
    case 'BAD_USER_INPUT':
      return `参数错误：${String(error.details.field ?? error.message)}`;
    case 'BUSINESS_RULE':
      return error.message;
    case 'RATE_LIMITED':
      return '请求过于频繁，请稍后再试';
    case 'UNAVAILABLE':
      return '服务暂时不可用';
    case 'INTERNAL':
      return '服务器内部错误';
    default:
      return assertNever(code);
  }
}

/** 002 shows times as the original's JSON dates: `2024-01-01T10:00:00.000Z`. */
const leadsTime = (value: Date | string) => asDate(value).toISOString();

/** 002 user endpoints: `{code:0, message?, data?}`; errors `{code:4xx, message}`. */
export const leads002Users: Family = {
  id: 'leads002-users',
  title: 'Leads 002 · users',
  invalidInputStatus: 400,
  fieldCase: 'snake',
  success(payload, ctx) {
    const body: Record<string, unknown> = { code: 0 };
    if (ctx.message !== undefined) body.message = ctx.message;
    if (payload !== undefined) body.data = payload;
    return body;
  },
  error: (error, ctx) => ({ code: ctx.status, message: leadsMessage(error, ctx) }),
  successSchema(data) {
    const properties: Record<string, JsonSchema> = { code: schema.const(0), message: schema.string };
    if (data) properties.data = data;
    return schema.object(properties, data ? ['code', 'data'] : ['code', 'message']);
  },
  errorSchema: schema.object({ code: schema.integer, message: schema.string }),
  time: leadsTime,
};

const performance = (ctx: { elapsedMs(): number }) => ({ totalTime: `${Math.round(ctx.elapsedMs())}ms` });

/**
 * The other 002 endpoints: `{success:true, …payload, performance}` (the payload's keys sit beside `success`,
 * e.g. `{success, total, list, performance}`); errors `{success:false, message, performance}`. `totalTime` is
 * measured here; `dbTime` is the SQL time the subgraphs measured for the request (their `extensions.dbTimeMs`).
 */
export const leads002: Family = {
  id: 'leads002',
  title: 'Leads 002',
  invalidInputStatus: 400,
  fieldCase: 'snake',
  success(payload, ctx) {
    const extra = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
    const dbTime = ctx.dbTimeMs === undefined ? {} : { dbTime: `${Math.round(ctx.dbTimeMs)}ms` };
    return {
      success: true,
      ...(ctx.message !== undefined ? { message: ctx.message } : {}),
      ...extra,
      performance: { ...performance(ctx), ...dbTime },
    };
  },
  // §7: the two 401s keep the document's own `{code, message}` body on every 002 route.
  error: (error, ctx) =>
    ctx.status === 401
      ? { code: 401, message: leadsMessage(error, ctx) }
      : { success: false, message: leadsMessage(error, ctx), performance: performance(ctx) },
  successSchema(data) {
    const base = schema.object({
      success: schema.const(true),
      performance: schema.object({ totalTime: schema.string, dbTime: schema.string }, ['totalTime']),
    });
    return data ? { allOf: [base, data] } : base;
  },
  errorSchema: {
    oneOf: [
      schema.object({
        success: schema.const(false),
        message: schema.string,
        performance: schema.object({ totalTime: schema.string }),
      }),
      schema.object({ code: schema.const(401), message: schema.string }),
    ],
  },
  time: leadsTime,
};
