import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { withoutSuggestions } from './suggestions';

/**
 * The one closed set of error codes every subgraph speaks (`extensions.code`).
 * The REST adapter maps each of them onto every contract family's status and body.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED', // no or invalid/expired token
  'INVALID_CREDENTIALS', // login with a wrong user name or password
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_USER_INPUT', // wrong type, missing field, out of range: names the field
  'BUSINESS_RULE', // valid input that the domain refuses
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetails {
  /** The input field the error is about, dotted for nested fields. */
  field?: string;
  /** A finer reason a client may branch on, e.g. `REFRESH_TOKEN_REUSED`. */
  reason?: string;
  [key: string]: unknown;
}

/** A coded error a resolver throws; the shared formatter passes it through unchanged. */
export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Authentication required', details?: ErrorDetails) =>
  new DomainError('UNAUTHENTICATED', message, details);
export const forbidden = (message = 'Permission denied', details?: ErrorDetails) =>
  new DomainError('FORBIDDEN', message, details);
export const notFound = (what: string, id?: string | number) =>
  new DomainError('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${id} not found`, { resource: what });
export const conflict = (message: string, details?: ErrorDetails) => new DomainError('CONFLICT', message, details);
export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, { field });
export const businessRule = (message: string, details?: ErrorDetails) =>
  new DomainError('BUSINESS_RULE', message, details);

/** The same error answered with an HTTP status: Apollo Server reads `extensions.http` and leaves it out of the body. */
export const withHttpStatus = (error: DomainError, status: number): DomainError =>
  new DomainError(error.code, error.message, { ...error.details, http: { status } });

const KNOWN = new Set<string>(ERROR_CODES);

/** Codes that graphql-js / Apollo produce themselves, folded into our vocabulary. */
const FOREIGN: Record<string, ErrorCode> = {
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  ARGUMENT_VALIDATION_ERROR: 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL',
};

export function toErrorCode(code: unknown): ErrorCode {
  if (typeof code === 'string') {
    if (KNOWN.has(code)) return code as ErrorCode;
    if (code in FOREIGN) return FOREIGN[code];
  }
  return 'INTERNAL';
}

/** What an unexpected error is logged with besides itself. */
export interface InternalErrorInfo {
  requestId?: string;
}

const requestIds = new WeakMap<object, string>();

/**
 * Apollo calls `formatError` without the request, so whoever knows the request (the operation log plugin, a
 * context builder) tags its errors first and the formatter reads the tag back.
 */
export function tagRequestId(errors: readonly unknown[], requestId: string | undefined): void {
  if (requestId === undefined) return;
  for (const error of errors) if (typeof error === 'object' && error !== null) requestIds.set(error, requestId);
}

/** The request id an error was tagged with, looking through the wrapper Apollo puts around plain errors. */
export function taggedRequestId(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const original = (error as { originalError?: unknown }).originalError;
  return requestIds.get(error) ?? (original === undefined ? undefined : taggedRequestId(original));
}

export type ErrorFormatter = (
  formatted: GraphQLFormattedError,
  error: unknown,
  info?: InternalErrorInfo,
) => GraphQLFormattedError;

/**
 * Apollo `formatError`: every error leaves with a code from the closed set; unexpected errors lose their message,
 * stack and extensions in every mode (a database driver's message names tables, columns and values) and are
 * handed to `onInternal` to be logged instead. `info` is for callers outside Apollo that know the request id;
 * inside Apollo it comes from {@link tagRequestId}.
 */
export function createErrorFormatter(opts: {
  /** Production: no "Did you mean …?" (see suggestions.ts). */
  hideSuggestions?: boolean;
  onInternal?: (error: unknown, info: InternalErrorInfo) => void;
}): ErrorFormatter {
  return (original, error, info) => {
    const formatted = opts.hideSuggestions ? { ...original, message: withoutSuggestions(original.message) } : original;
    const rawCode = formatted.extensions?.code;
    // graphql-js input coercion errors carry no code; they are the client's fault.
    const code =
      rawCode === undefined && isCoercionError(formatted.message) ? 'BAD_USER_INPUT' : toErrorCode(rawCode);
    if (code !== 'INTERNAL') {
      return { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    opts.onInternal?.(error, { requestId: info?.requestId ?? taggedRequestId(error) });
    return { message: 'Internal server error', path: formatted.path, extensions: { code } };
  };
}

function isCoercionError(message: string): boolean {
  return /^Variable "\$|^Argument "|got invalid value|Expected type|Cannot query field|Unknown argument/.test(message);
}

/** Whether `error` is a DomainError with one of `codes` (e.g. to answer null instead of NOT_FOUND). */
export const isDomainErrorCode = (error: unknown, ...codes: ErrorCode[]): boolean =>
  error instanceof DomainError && codes.includes(error.code);
