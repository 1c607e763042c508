import type { EntityManager } from '@mikro-orm/core';
import type { User } from '../entities';
import type { SignInMeta } from './session.service';

/**
 * The seam for SMS verification of a new device (decisions.md: a tenant business rule, off by default). It is
 * called for an APP sign-in from a device that holds no live session of the account, before any slot is taken.
 * Not built yet: when it is, a tenant that switched the rule on answers FORBIDDEN naming `smsCode` here (and has
 * the SMS provider send a code) unless the login carries a valid one; with the rule off it lets every device in.
 */
export async function verifyNewDevice(
  _em: EntityManager,
  _user: User,
  _device: NonNullable<SignInMeta['device']>,
): Promise<void> {
  // The rule is off for every tenant until the SMS provider and the tenant setting exist.
}
