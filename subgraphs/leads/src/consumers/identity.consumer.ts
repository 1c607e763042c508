import type { EntityManager } from '@mikro-orm/core';
import { TENANT_FILTER, type BusEvent, type EventConsumer } from '@platform/kit';
import { IANAZone } from 'luxon';
import { KnownUser } from '../entities/known-user.entity';
import { LeadsSetting } from '../entities/leads-setting.entity';

/** identity's topics (subgraphs/identity/src/services/identity.events.ts), named here as leads depends on them. */
export const IDENTITY_TOPICS = {
  userCreated: 'user.created',
  userUpdated: 'user.updated',
  userDeleted: 'user.deleted',
  tenantChanged: 'tenant.changed',
} as const;

/** The role a lead's follower must hold (002 `current_follower`: 分配给哪个销售跟进). */
export const SALES_ROLE = 'sales';

interface UserPayload {
  userId?: number | string;
  roles?: string[];
}

interface TenantPayload {
  tenantId: number;
  zone?: string;
}

/**
 * What leads learns from identity besides the directory (kit `foreign_ref`): which users hold the sales role
 * (`known_user`), and each tenant's zone (`leads_setting.tenant_zone`). Order-safe: an event older than a row's last
 * one changes nothing, so redeliveries and reordering are harmless.
 */
export const identityConsumer: EventConsumer = {
  name: 'identity-facts',
  topics: Object.values(IDENTITY_TOPICS),
  async handle(event, em) {
    if (event.topic === IDENTITY_TOPICS.tenantChanged) return applyTenant(em, event);
    return applyUser(em, event);
  },
};

async function applyUser(em: EntityManager, event: BusEvent): Promise<void> {
  const payload = (event.payload ?? {}) as UserPayload;
  const userId = String(payload.userId ?? event.aggregateId);
  const asOf = new Date(event.occurredAt);
  const row = await em.findOne(KnownUser, { userId });
  if (row && row.asOf.getTime() > asOf.getTime()) return;
  const deleted = event.topic === IDENTITY_TOPICS.userDeleted;
  // An announcement without roles (older identity backfills) leaves what is known of them as it is.
  const sales = deleted ? false : payload.roles ? payload.roles.includes(SALES_ROLE) : (row?.sales ?? false);
  const tenantId = event.tenantId === null ? null : Number(event.tenantId);
  if (row) Object.assign(row, { tenantId: tenantId ?? row.tenantId, sales, asOf });
  else em.create(KnownUser, { userId, tenantId, sales, asOf });
  await em.flush();
}

async function applyTenant(em: EntityManager, event: BusEvent): Promise<void> {
  const payload = event.payload as TenantPayload;
  const tenantId = Number(payload.tenantId ?? event.aggregateId);
  // A zone leads could not compute with is ignored: the tenant keeps the zone it had.
  if (!Number.isSafeInteger(tenantId) || !payload.zone || !IANAZone.isValidZone(payload.zone)) return;
  const asOf = new Date(event.occurredAt);
  const row = await em.findOne(LeadsSetting, { tenantId }, { filters: { [TENANT_FILTER]: { tenantId } } });
  if (row?.tenantZoneAsOf && row.tenantZoneAsOf.getTime() > asOf.getTime()) return;
  if (row) Object.assign(row, { tenantZone: payload.zone, tenantZoneAsOf: asOf });
  else em.create(LeadsSetting, { tenantId, tenantZone: payload.zone, tenantZoneAsOf: asOf });
  await em.flush();
}
