import { AUDIT_RECORDED, type AuditPayload, type EventConsumer } from '@platform/kit';
import { AuditEntry } from '../entities/audit-entry.entity';

const clip = (value: string | null | undefined, max: number): string | null =>
  value === null || value === undefined ? null : value.slice(0, max);

/** `audit.recorded` from any subgraph: one audit entry per event (the kit handles each event id once). */
export const auditRecordedConsumer: EventConsumer = {
  name: 'audit-recorded',
  topics: [AUDIT_RECORDED],
  async handle(event, em) {
    const audit = event.payload as AuditPayload;
    const tenantId = event.tenantId === null ? null : Number(event.tenantId);
    em.create(AuditEntry, {
      tenantId: tenantId !== null && Number.isSafeInteger(tenantId) ? tenantId : null,
      eventId: event.id,
      source: clip(audit.source, 50) ?? 'unknown',
      actorId: clip(audit.actorId, 36),
      actorName: clip(audit.actorName, 100),
      action: clip(audit.action, 50) ?? 'unknown',
      resourceType: clip(audit.resourceType, 50) ?? 'unknown',
      resourceId: clip(String(audit.resourceId ?? event.aggregateId ?? ''), 64) ?? '',
      before: audit.before ?? null,
      after: audit.after ?? null,
      summary: clip(audit.summary, 500),
      requestId: clip(audit.requestId, 100),
      occurredAt: new Date(event.occurredAt),
    });
    await em.flush();
  },
};
