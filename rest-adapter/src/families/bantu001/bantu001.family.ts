import { isoUtc, type ErrorCode } from '@platform/kit';
import { asDate } from '../../framework/family';
import { codeEnvelopeFamily } from '../shared/code-envelope';

/** 001's "错误码说明" table. */
const MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '未认证，需要登录',
  INVALID_CREDENTIALS: '邮箱或密码错误',
  FORBIDDEN: '无权限访问',
  NOT_FOUND: '资源不存在',
  CONFLICT: '资源冲突（如：重复创建）',
  BAD_USER_INPUT: '请求参数错误',
  BUSINESS_RULE: '请求参数错误',
  RATE_LIMITED: '请求过于频繁',
  UNAVAILABLE: '服务暂时不可用',
  INTERNAL: '服务器内部错误',
};

/** BANTU 001: `{code:200, message, data}` (data always present), lists `{records, total, page, size}`, ISO 8601. */
export const bantu001 = codeEnvelopeFamily({
  id: 'bantu001',
  title: 'BANTU 001',
  messages: MESSAGES,
  time: (value) => isoUtc(asDate(value)),
  dataAlways: true,
});
