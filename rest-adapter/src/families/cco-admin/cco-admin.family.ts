import { localDateTime, type ErrorCode } from '@platform/kit';
import { asDate } from '../../framework/family';
import { codeEnvelopeFamily } from '../shared/code-envelope';

/** The CCO documents' error-code table (管理控台 "通用说明 · 错误码"), shared by the three CCO families. */
export const CCO_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '未授权（未登录或token失效）',
  INVALID_CREDENTIALS: '用户名或密码错误',
  FORBIDDEN: '禁止访问（权限不足）',
  NOT_FOUND: '资源不存在',
  CONFLICT: '资源冲突',
  BAD_USER_INPUT: '请求参数错误',
  BUSINESS_RULE: '请求参数错误',
  RATE_LIMITED: '请求过于频繁',
  UNAVAILABLE: '服务暂时不可用',
  INTERNAL: '服务器内部错误',
};

/** CCO admin console: `{code:200, message, data}`, lists `{total, page, size, items}`, `YYYY-MM-DD HH:mm:ss` (tenant zone). */
export const ccoAdmin = codeEnvelopeFamily({
  id: 'cco-admin',
  title: 'CCO admin console',
  messages: CCO_MESSAGES,
  time: (value, zone) => localDateTime(asDate(value), zone),
  dataAlways: false,
});
