import type { EntityManager } from '@mikro-orm/core';
import type { BusEvent, EventConsumer } from '@platform/kit';
import { DirectoryPosition, DirectoryUser } from '../entities';

/** identity's topics this projection follows (identity's services/identity.events.ts). */
export const USER_TOPICS = ['user.created', 'user.updated', 'user.deleted'] as const;
export const POSITION_CHANGED = 'position.changed';

interface UserPayload {
  userId?: number;
  username?: string;
  fullName?: string | null;
  positionId?: number | null;
}

interface PositionPayload {
  positionId?: number;
  parentId?: number | null;
  deleted?: boolean;
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const tenantOf = (event: BusEvent): number | null => numberOrNull(event.tenantId);

/**
 * Keeps worklogs' copy of identity's users and positions in step with identity's events. Handled once per event
 * by the kit, and order-safe: an event older than the row's last one changes nothing, so redeliveries and
 * reordering are harmless. identity's seed creates its accounts through the same path, so they arrive too.
 */
export const orgDirectoryConsumer: EventConsumer = {
  name: 'org-directory',
  topics: [...USER_TOPICS, POSITION_CHANGED],
  async handle(event, em) {
    if (event.topic === POSITION_CHANGED) await applyPosition(em, event);
    else await applyUser(em, event);
    await em.flush();
  },
};

async function applyUser(em: EntityManager, event: BusEvent): Promise<void> {
  const payload = (event.payload ?? {}) as UserPayload;
  const id = Number(payload.userId ?? event.aggregateId);
  if (!Number.isSafeInteger(id)) return;
  const asOf = new Date(event.occurredAt);
  const row = await em.findOne(DirectoryUser, id);
  if (row && row.asOf.getTime() > asOf.getTime()) return;
  const present = event.topic !== 'user.deleted';
  const known = {
    tenantId: tenantOf(event) ?? row?.tenantId ?? null,
    username: payload.username ?? row?.username ?? String(id),
    fullName: payload.fullName !== undefined ? payload.fullName : (row?.fullName ?? null),
    positionId: payload.positionId !== undefined ? numberOrNull(payload.positionId) : (row?.positionId ?? null),
    present,
    asOf,
  };
  if (row) Object.assign(row, known);
  else em.create(DirectoryUser, { id, ...known });
}

async function applyPosition(em: EntityManager, event: BusEvent): Promise<void> {
  const payload = (event.payload ?? {}) as PositionPayload;
  const id = Number(payload.positionId ?? event.aggregateId);
  if (!Number.isSafeInteger(id)) return;
  const asOf = new Date(event.occurredAt);
  const row = await em.findOne(DirectoryPosition, id);
  if (row && row.asOf.getTime() > asOf.getTime()) return;
  const known = { tenantId: tenantOf(event), parentId: numberOrNull(payload.parentId), present: !payload.deleted, asOf };
  if (row) Object.assign(row, known);
  else em.create(DirectoryPosition, { id, ...known });
}
