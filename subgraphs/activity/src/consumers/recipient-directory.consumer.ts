import type { EntityManager } from '@mikro-orm/core';
import { MEMBERSHIP_CHANGED, type BusEvent, type EventConsumer, type MembershipChangedPayload } from '@platform/kit';
import { KnownTenant, Membership, RecipientRole, RecipientUser } from '../entities/recipient-user.entity';

/** identity's topics (identity.events.ts), named here as activity depends on them. */
export const IDENTITY_TOPICS = {
  userCreated: 'user.created',
  userUpdated: 'user.updated',
  userDeleted: 'user.deleted',
  tenantChanged: 'tenant.changed',
} as const;

interface UserPayload {
  userId: number | string;
  roles?: string[];
  status?: string;
}

interface TenantPayload {
  tenantId: number;
  code: string;
  zone: string;
}

/**
 * Keeps activity's projections of other subgraphs' facts: identity's users with their roles and status, its tenants
 * (code and zone), and the teams and agencies the collections subgraph announces. Order-safe: an event older than
 * a row's last one changes nothing.
 */
export const recipientDirectoryConsumer: EventConsumer = {
  name: 'recipient-directory',
  topics: [...Object.values(IDENTITY_TOPICS), MEMBERSHIP_CHANGED],
  async handle(event, em) {
    const asOf = new Date(event.occurredAt);
    if (event.topic === MEMBERSHIP_CHANGED) return applyMembership(em, event, asOf);
    if (event.topic === IDENTITY_TOPICS.tenantChanged) return applyTenant(em, event.payload as TenantPayload, asOf);
    return applyUser(em, event, asOf);
  },
};

async function applyUser(em: EntityManager, event: BusEvent, asOf: Date): Promise<void> {
  const payload = event.payload as UserPayload;
  const userId = String(payload.userId ?? event.aggregateId);
  const tenantId = event.tenantId === null ? null : Number(event.tenantId);
  const row = await em.findOne(RecipientUser, { userId });
  if (row && row.asOf.getTime() > asOf.getTime()) return;
  const deleted = event.topic === IDENTITY_TOPICS.userDeleted;
  const active = !deleted && (payload.status === undefined || payload.status === 'active');
  if (row) Object.assign(row, { tenantId, active, asOf });
  else em.create(RecipientUser, { userId, tenantId, active, asOf });
  if (deleted || payload.roles) {
    // The change only, each row by its key: deleting by user would lock the index gap of a user with no roles yet
    // (every new one), and events of two new users handled side by side would then deadlock on their inserts.
    const roles = new Set(deleted ? [] : (payload.roles ?? []));
    const held = await em.find(RecipientRole, { userId });
    for (const role of held) {
      if (roles.has(role.roleCode)) role.tenantId = tenantId;
      else em.remove(role);
    }
    const kept = new Set(held.map((r) => r.roleCode));
    for (const roleCode of roles) if (!kept.has(roleCode)) em.create(RecipientRole, { userId, roleCode, tenantId });
  }
  await em.flush();
}

async function applyTenant(em: EntityManager, payload: TenantPayload, asOf: Date): Promise<void> {
  const row = await em.findOne(KnownTenant, { tenantId: payload.tenantId });
  if (row && row.asOf.getTime() > asOf.getTime()) return;
  if (row) Object.assign(row, { code: payload.code, zone: payload.zone, asOf });
  else em.create(KnownTenant, { tenantId: payload.tenantId, code: payload.code, zone: payload.zone, asOf });
  await em.flush();
}

async function applyMembership(em: EntityManager, event: BusEvent, asOf: Date): Promise<void> {
  const payload = event.payload as MembershipChangedPayload;
  const userId = String(payload.userId);
  const fields = {
    tenantId: event.tenantId === null ? null : Number(event.tenantId),
    teamId: payload.teamId === null || payload.teamId === undefined ? null : String(payload.teamId),
    agencyId: payload.agencyId === null || payload.agencyId === undefined ? null : String(payload.agencyId),
    asOf,
  };
  const row = await em.findOne(Membership, { userId });
  if (row && row.asOf.getTime() > asOf.getTime()) return;
  if (row) Object.assign(row, fields);
  else em.create(Membership, { userId, ...fields });
  await em.flush();
}
