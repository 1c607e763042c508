import { loginKeyOf } from '../entities/user.entity';

/**
 * The limits counted here where the operation runs, so REST and GraphQL share one budget (their values: the kit's
 * `RATE_LIMITS`; 004 "限流说明" login 5/min). Login and refresh count failures (a success resets the run), so a
 * valid user is never throttled by their own sign-ins; registration counts every anonymous attempt per client address.
 */
export const AUTH_RATE_CLASSES = ['login', 'refresh', 'register'] as const;

export type AuthLimitClass = (typeof AUTH_RATE_CLASSES)[number];

/** Per (login id, address): one attacker cannot lock an account for everyone, nor one NAT'd office as a whole. */
export const loginLimitKey = (login: string, clientAddress: string | null | undefined): string =>
  `${loginKeyOf(login.trim())}|${clientAddress ?? '-'}`;

export const addressLimitKey = (clientAddress: string | null | undefined): string => clientAddress ?? '-';
