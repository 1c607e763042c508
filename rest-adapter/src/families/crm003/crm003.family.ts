import { isoUtc, type ErrorCode } from '@platform/kit';
import { asDate, routeMessage, schema, type Family } from '../../framework/family';
import type { RestError } from '../../framework/rest-error';
import { assertNever } from '../../framework/status';

/** 003's code names (decisions.md); 5xx have no row in the document and get plain names in the same style. */
export function crmErrorCode(error: RestError): string {
  const code: ErrorCode = error.code;
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'BUSINESS_RULE':
      return 'BAD_REQUEST';
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 'UNAUTHORIZED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return error.details.reason === 'IDEMPOTENT_CONFLICT' ? 'IDEMPOTENT_CONFLICT' : 'DUPLICATE_NAME';
    case 'RATE_LIMITED':
      return 'RATE_LIMITED';
    case 'UNAVAILABLE':
      return 'SERVICE_UNAVAILABLE';
    case 'INTERNAL':
      return 'INTERNAL_ERROR';
    default:
      return assertNever(code);
  }
}

/** CRM 003: the resource itself (camelCase), lists `{data, total, page, pageSize}`; errors `{code, message, requestId}`. */
export const crm003: Family = {
  id: 'crm003',
  title: 'CRM 003',
  invalidInputStatus: 400,
  fieldCase: 'camel',
  success: (payload) => payload,
  error: (error, ctx) => ({
    code: crmErrorCode(error),
    message: routeMessage(error, ctx) ?? (error.code === 'INTERNAL' ? 'Internal server error' : error.message),
    requestId: ctx.requestId,
  }),
  successSchema: (data) => data ?? { type: 'null' },
  errorSchema: schema.object({ code: schema.string, message: schema.string, requestId: schema.string }),
  time: (value) => isoUtc(asDate(value)),
};
