import { randomUUID } from 'node:crypto';
import {
  AUDIT_RECORDED,
  forkForTenant,
  MEMBERSHIP_CHANGED,
  NOTIFICATION_REQUESTED,
  type AuditPayload,
  type BusEvent,
  type Caller,
  type NotificationRequestedPayload,
  type NoticeRequest,
} from '@platform/kit';
import { Notification } from '@platform/activity';
import type { ActivityClient } from './harness';

const event = (topic: string, tenantId: string | null, aggregateId: string, payload: unknown): BusEvent => ({
  id: randomUUID(),
  topic,
  tenantId,
  aggregateId,
  payload,
  occurredAt: new Date().toISOString(),
});

/** What recordDomainEvent records for a notice (`notification.requested`), as another subgraph would. */
export const noticeRequested = (tenantId: string, notice: NoticeRequest, source = 'worklogs'): BusEvent =>
  event(NOTIFICATION_REQUESTED, tenantId, '1', { ...notice, source, cause: 'test' } satisfies NotificationRequestedPayload);

/** identity's `user.updated`, with the user's role codes and status. */
export const userUpdated = (user: Caller, roles: string[], status = 'active'): BusEvent =>
  event('user.updated', user.tenantId, user.userId, { userId: Number(user.userId), username: user.username, roles, status });

/** identity's `tenant.changed`. */
export const tenantChanged = (tenantId: number, code: string, zone: string): BusEvent =>
  event('tenant.changed', String(tenantId), String(tenantId), { tenantId, code, zone });

/** The collections subgraph's `membership.changed`. */
export const membershipChanged = (user: Caller, teamId: number | null, agencyId: number | null): BusEvent =>
  event(MEMBERSHIP_CHANGED, user.tenantId, user.userId, { userId: user.userId, teamId, agencyId });

/** An `audit.recorded` entry as recordDomainEvent writes it. */
export function auditRecorded(tenantId: string | null, audit: Partial<AuditPayload>, occurredAt = new Date()): BusEvent {
  const payload: AuditPayload = {
    source: 'leads',
    actorId: '3',
    actorName: 'admin',
    action: 'update',
    resourceType: 'lead',
    resourceId: '1',
    before: null,
    after: null,
    summary: null,
    requestId: 'req-1',
    ...audit,
  };
  return { ...event(AUDIT_RECORDED, tenantId, payload.resourceId, payload), occurredAt: occurredAt.toISOString() };
}

/** Waits until `check` holds on activity's stored notifications (every tenant's). */
export async function untilNotifications(client: ActivityClient, check: (rows: Notification[]) => boolean, ms = 5000): Promise<Notification[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const rows = await forkForTenant(client.runtime.orm.em, null).find(Notification, {}, { orderBy: { id: 'asc' } });
    if (check(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`notifications never matched: ${JSON.stringify(rows.map((r) => r.title))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until every consumer has handled the events published so far (the in-process bus drains). */
export async function settle(client: ActivityClient): Promise<void> {
  const bus = client.bus as { drain?: () => Promise<void> };
  if (bus.drain) await bus.drain();
  else await new Promise((r) => setTimeout(r, 300));
}
