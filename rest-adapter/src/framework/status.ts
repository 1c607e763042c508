import type { ErrorCode } from '@platform/kit';

/** The one mapping from the platform's error codes to HTTP statuses; families only choose 400 or 422 for bad input. */
export function httpStatus(code: ErrorCode, invalidInputStatus: 400 | 422): number {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'BAD_USER_INPUT':
      return invalidInputStatus;
    case 'BUSINESS_RULE':
      return 400;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
    default:
      return assertNever(code);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
