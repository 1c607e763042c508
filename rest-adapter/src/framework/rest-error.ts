import { toErrorCode, type ErrorCode, type ErrorDetails } from '@platform/kit';
import type { GraphQLFormattedError } from 'graphql';

/** Extension keys safe to show a client; anything else (stack traces, service names) stays inside. */
const PUBLIC_DETAILS = ['field', 'reason', 'resource', 'retryAfterSeconds', 'limit', 'devices', 'zone'] as const;

/** Codes whose upstream message is never shown: the adapter words them itself. */
const GENERIC_MESSAGES: Partial<Record<ErrorCode, string>> = {
  INTERNAL: 'Internal server error',
  UNAVAILABLE: 'The service is temporarily unavailable',
};

/**
 * An error on its way to a REST client, in the platform's closed code vocabulary. Each family turns it
 * into its own body; the HTTP status comes from `httpStatus` alone.
 */
export class RestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    /** Reported by the graph, so `details.field` is a GraphQL argument path, not yet the REST field name. */
    readonly fromGraph = false,
  ) {
    super(message);
    this.name = 'RestError';
  }

  static fromGraphQL(error: GraphQLFormattedError): RestError {
    const extensions = error.extensions ?? {};
    const code = toErrorCode(extensions.code);
    // An unknown or internal failure may carry a database's or a library's text: never pass it on.
    const generic = GENERIC_MESSAGES[code];
    if (generic) return new RestError(code, generic, {}, true);
    const details: ErrorDetails = {};
    for (const key of PUBLIC_DETAILS) {
      if (extensions[key] !== undefined) (details as Record<string, unknown>)[key] = extensions[key];
    }
    return new RestError(code, error.message, details, true);
  }

  /** A status other than the code's own (413 for an upload over the limit, which the code table has no row for). */
  status?: number;

  withDetails(details: ErrorDetails): RestError {
    const copy = new RestError(this.code, this.message, details, false);
    copy.status = this.status;
    return copy;
  }

  withStatus(status: number): RestError {
    this.status = status;
    return this;
  }
}

/** Invalid input found by the adapter before any GraphQL call; `field` is the REST name of the field. */
export const invalidInput = (field: string, message: string, reason = 'INVALID') =>
  new RestError('BAD_USER_INPUT', `${field}: ${message}`, { field, reason });

/** A body that is not JSON at all (004 answers VALID_002 for it). */
export const malformedBody = (message: string) =>
  new RestError('BAD_USER_INPUT', message, { field: 'body', reason: 'MALFORMED' });

export const notFoundError = (resource: string) =>
  new RestError('NOT_FOUND', `${resource} not found`, { resource });
