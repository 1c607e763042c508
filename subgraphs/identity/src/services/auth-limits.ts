import type { OperationLimit } from '@platform/kit';
import { loginKeyOf } from '../entities/user.entity';

/**
 * 004 "限流说明" login 5/min, counted here where the operation runs, so REST and GraphQL share one budget.
 * Login and refresh count failures (a success resets the run), so a valid user is never throttled by their own
 * sign-ins; registration counts every attempt per client address.
 */
export const AUTH_LIMIT_DEFAULTS = {
  login: { points: 5, durationSeconds: 60 },
  refresh: { points: 30, durationSeconds: 60 },
  register: { points: 10, durationSeconds: 600 },
} satisfies Record<string, OperationLimit>;

export type AuthLimitClass = keyof typeof AUTH_LIMIT_DEFAULTS;

/** Per (login id, address): one attacker cannot lock an account for everyone, nor one NAT'd office as a whole. */
export const loginLimitKey = (login: string, clientAddress: string | null | undefined): string =>
  `${loginKeyOf(login.trim())}|${clientAddress ?? '-'}`;

export const addressLimitKey = (clientAddress: string | null | undefined): string => clientAddress ?? '-';
