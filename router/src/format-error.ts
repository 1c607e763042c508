import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorFormatter } from '@platform/kit';

export type { ErrorFormatter } from '@platform/kit';

/**
 * Formats an error that did not pass through Apollo Server's pipeline (WebSocket, in-process executor)
 * the way Apollo would: JSON shape, `extensions.http` removed (Apollo turns it into the status), then ours.
 */
export function formatOutside(
  format: ErrorFormatter,
  error: GraphQLError | GraphQLFormattedError,
  requestId?: string,
): GraphQLFormattedError {
  const json = error instanceof GraphQLError ? error.toJSON() : error;
  const { http: _http, ...extensions } = json.extensions ?? {};
  return format({ ...json, extensions }, error, { requestId });
}
