import type { Family } from '../framework/family';
import type { Operation } from '../framework/operations';

/** Why a socket is refused or ended: 401 no valid token, 403 the session ended or the caller may not subscribe. */
export type SocketRefusal = 401 | 403;

/**
 * A documented WebSocket path (routes.tsv lists it with method `WS`): served beside the HTTP routes, counted by the
 * route coverage like them, and its operation is in the trusted documents like theirs.
 */
export interface SocketRoute {
  method: 'WS';
  path: string;
  family: Family;
  summary: string;
  /** The router subscription each client socket is bridged to (one upstream subscription per socket). */
  operation: Operation<never, Record<string, unknown>>;
  /** The subscription's variables for a socket, from its query string (e.g. a catch-up cursor). */
  variables(query: URLSearchParams): Record<string, unknown>;
  /** The documented message for one event's `data`. */
  message(data: unknown): unknown;
  /** The cursor an event's `data` leaves (the id to resume after), so a resubscription misses nothing. */
  cursor(data: unknown): string | undefined;
  /** The message sent before a refusal closes the socket (4401 / 4403). */
  refused(status: SocketRefusal): unknown;
}
