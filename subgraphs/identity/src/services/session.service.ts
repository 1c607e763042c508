import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { LoginChannel, Session, type User } from '../entities';
import type { IdentityServices } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import {
  formatRefreshToken,
  hashSecret,
  newFamily,
  newSecret,
  parseRefreshToken,
  sameHash,
} from './refresh-token';

/** Access token lifetimes per channel: 004 answers `expires_in: 7200`; the collector app keeps 24 h. */
export const ACCESS_TTL_SECONDS: Record<LoginChannel, number> = {
  [LoginChannel.WEB]: 7200,
  [LoginChannel.APP]: 24 * 3600,
};
export const REFRESH_TTL_SECONDS = 7 * 24 * 3600;
/** A revocation must outlive every access token the session could still hold. */
export const REVOCATION_TTL_SECONDS = Math.max(...Object.values(ACCESS_TTL_SECONDS));

/** What the client said about itself at sign-in (the collector app's device_* fields, the client address). */
export interface SignInMeta {
  device?: {
    deviceId: string;
    deviceName?: string | null;
    deviceType?: string | null;
    deviceModel?: string | null;
    osVersion?: string | null;
    appVersion?: string | null;
  } | null;
  clientAddress: string | null;
  at: Date;
}

export interface OpenedSession {
  session: Session;
  refreshToken: string;
}

const refreshExpiry = () => new Date(Date.now() + REFRESH_TTL_SECONDS * 1000);

/** Fresh credentials and what the sign-in reported, for a new session or a reused device slot. */
function signInFields(meta: SignInMeta) {
  const token = { family: newFamily(), secret: newSecret() };
  const device = meta.device;
  return {
    token,
    fields: {
      sid: randomUUID(),
      family: token.family,
      refreshHash: hashSecret(token.secret),
      refreshExpiresAt: refreshExpiry(),
      lastSeenAt: meta.at,
      lastLoginAt: meta.at,
      clientAddress: meta.clientAddress,
      deviceId: device?.deviceId ?? null,
      deviceName: device?.deviceName ?? null,
      deviceType: device?.deviceType ?? null,
      deviceModel: device?.deviceModel ?? null,
      osVersion: device?.osVersion ?? null,
      appVersion: device?.appVersion ?? null,
    },
  };
}

export async function openSession(
  em: EntityManager,
  user: User,
  channel: LoginChannel,
  meta: SignInMeta,
): Promise<OpenedSession> {
  const { token, fields } = signInFields(meta);
  const session = em.create(Session, { tenantId: user.tenantId, userId: user.id, channel, ...fields });
  await em.flush();
  return { session, refreshToken: formatRefreshToken(token) };
}

/**
 * A new sign-in on an existing session (the same device again): new sid and refresh token, same row. The caller
 * revokes the previous sid, so tokens the device held before stop working.
 */
export async function reopenSession(em: EntityManager, session: Session, meta: SignInMeta): Promise<OpenedSession> {
  const { token, fields } = signInFields(meta);
  Object.assign(session, fields);
  await em.flush();
  return { session, refreshToken: formatRefreshToken(token) };
}

/**
 * Swaps the presented refresh token for a new one. The swap is a compare-and-set on the stored hash, so of two
 * requests presenting the same token only one wins; the loser, like anyone replaying an old token, is reuse:
 * the session ends for everyone holding it (the thief and the user alike), which is the point.
 */
export async function rotateSession(
  em: EntityManager,
  services: IdentityServices,
  presented: string,
): Promise<OpenedSession> {
  const parsed = parseRefreshToken(presented);
  if (!parsed) throw IdentityErrors.refreshTokenInvalid();
  const session = await em.findOne(Session, { family: parsed.family });
  if (!session) throw IdentityErrors.refreshTokenInvalid();
  if (session.revokedAt) throw IdentityErrors.sessionRevoked();
  const presentedHash = hashSecret(parsed.secret);
  if (!sameHash(session.refreshHash, presentedHash)) {
    await revokeSession(em, services, session, 'REFRESH_TOKEN_REUSED');
    throw IdentityErrors.refreshTokenReused();
  }
  if (session.refreshExpiresAt.getTime() <= Date.now()) throw IdentityErrors.refreshTokenInvalid();

  const secret = newSecret();
  const now = new Date();
  const changed = await em.nativeUpdate(
    Session,
    { id: session.id, refreshHash: presentedHash, revokedAt: null },
    { refreshHash: hashSecret(secret), refreshExpiresAt: refreshExpiry(), lastSeenAt: now, updatedAt: now },
  );
  if (changed !== 1) {
    await revokeSession(em, services, session, 'REFRESH_TOKEN_REUSED');
    throw IdentityErrors.refreshTokenReused();
  }
  await em.refresh(session);
  return { session, refreshToken: formatRefreshToken({ family: parsed.family, secret }) };
}

/** Ends a session: its refresh token stops working and every verifier refuses its access tokens. */
export async function revokeSession(
  em: EntityManager,
  services: IdentityServices,
  session: Session,
  reason: string,
): Promise<void> {
  if (!session.revokedAt) {
    await em.nativeUpdate(Session, { id: session.id, revokedAt: null }, { revokedAt: new Date(), revokeReason: reason });
  }
  await services.revocations.revoke(session.sid, REVOCATION_TTL_SECONDS);
}

/** Signs a user out everywhere (deleted, deactivated, tenant closed). */
export async function revokeSessionsOf(
  em: EntityManager,
  services: IdentityServices,
  where: { userId: number } | { tenantId: number },
  reason: string,
): Promise<void> {
  const sessions = await em.find(Session, { ...where, revokedAt: null }, { filters: false });
  for (const session of sessions) await revokeSession(em, services, session, reason);
}
