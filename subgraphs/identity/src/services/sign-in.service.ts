import type { EntityManager } from '@mikro-orm/core';
import { LoginChannel, Session, Tenant, User } from '../entities';
import type { IdentityServices } from '../identity.context';
import { IdentityErrors, type DeviceSummary } from '../identity.errors';
import { verifyNewDevice } from './new-device.policy';
import {
  openSession,
  reopenSession,
  REVOCATION_TTL_SECONDS,
  revokeSession,
  type OpenedSession,
  type SignInMeta,
} from './session.service';

/** decisions.md: at most 3 devices signed in at once per account on the collector app. */
export const MAX_APP_DEVICES = 3;

export interface SignInRequest {
  channel: LoginChannel;
  device: SignInMeta['device'];
  /** APP with every slot taken: sign the oldest device out rather than refuse. */
  force: boolean;
  clientAddress: string | null;
}

/**
 * Opens the session of a verified login and records when it happened. On APP every session is a device slot:
 * the same device again reuses its slot, a new one takes a free slot, and with none free the login is refused
 * (CONFLICT DEVICE_LIMIT listing the devices) unless `force` signs the longest-signed-in device out.
 */
export async function signIn(
  em: EntityManager,
  services: IdentityServices,
  user: User,
  request: SignInRequest,
): Promise<OpenedSession> {
  if (request.channel === LoginChannel.APP && !request.device) throw IdentityErrors.deviceRequired();
  const meta: SignInMeta = { device: request.device, clientAddress: request.clientAddress, at: new Date() };
  const opened = await em.transactional(async (tx) => {
    // The first statement on purpose: on MariaDB its row lock makes concurrent sign-ins of one account take turns
    // (and the device count below is read after it), so two new devices cannot both take the last free slot.
    await tx.nativeUpdate(User, { id: user.id }, { lastLoginAt: meta.at });
    if (request.channel !== LoginChannel.APP) return openSession(tx, user, request.channel, meta);
    return takeDeviceSlot(tx, services, user, meta, request.force);
  });
  user.lastLoginAt = meta.at;
  return opened;
}

async function takeDeviceSlot(
  em: EntityManager,
  services: IdentityServices,
  user: User,
  meta: SignInMeta,
  force: boolean,
): Promise<OpenedSession> {
  const device = meta.device!;
  const live = await em.find(
    Session,
    { userId: user.id, channel: LoginChannel.APP, revokedAt: null, refreshExpiresAt: { $gt: meta.at } },
    { orderBy: { lastLoginAt: 'asc', id: 'asc' } },
  );
  const own = live.find((s) => s.deviceId === device.deviceId);
  if (own) {
    const previousSid = own.sid;
    const opened = await reopenSession(em, own, meta);
    await services.revocations.revoke(previousSid, REVOCATION_TTL_SECONDS);
    return opened;
  }

  await verifyNewDevice(em, user, device);
  const excess = live.length - (MAX_APP_DEVICES - 1);
  if (excess > 0) {
    if (!force) throw IdentityErrors.deviceLimit(MAX_APP_DEVICES, live.map(summary), await zoneOf(em, user));
    // Oldest sign-in first (the order above); revoked before the commit, so a failing revocation list fails the login.
    for (const session of live.slice(0, excess)) await revokeSession(em, services, session, 'DEVICE_LIMIT');
  }
  return openSession(em, user, LoginChannel.APP, meta);
}

/** The account's tenant zone, so a client can show the devices' times as it shows every other. */
async function zoneOf(em: EntityManager, user: User): Promise<string> {
  const tenant = user.tenantId === null ? null : await em.findOne(Tenant, user.tenantId);
  return tenant?.zone ?? 'UTC';
}

const summary = (s: Session): DeviceSummary => ({
  sessionId: String(s.id),
  deviceId: s.deviceId,
  deviceName: s.deviceName,
  deviceModel: s.deviceModel,
  lastLoginAt: s.lastLoginAt?.toISOString() ?? null,
  lastSeenAt: s.lastSeenAt.toISOString(),
});
