import type { EntityManager } from '@mikro-orm/core';
import type { BusEvent, EventConsumer } from '@platform/kit';
import { DateTime } from 'luxon';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { tenantZone } from '../../config/services/tenant-day';
import { Agency } from '../../org/entities/agency.entity';
import { Collector } from '../../org/entities/collector.entity';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { DELIVERY_KINDS, IntegrationDelivery, type DeliveryKind } from '../entities/integration-delivery.entity';
import { integrationOf } from '../services/tenant-integration.service';

/**
 * Collections' own events become durable write-backs to the tenant's core system (partner § 4): a delivery row per
 * body, in the event's transaction, sent later by the delivery worker. A tenant without an integration gets none.
 */

/** Local time without a zone, in the tenant's zone, as the partner document writes times. */
const documentTime = (at: Date | null | undefined, zone: string): string | null =>
  at ? DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss") : null;

interface CaseEventPayload {
  caseId: number | string;
}

interface Queued {
  kind: DeliveryKind;
  body: Record<string, unknown>;
}

/** Queues `make`'s bodies for the event's case when its tenant has an integration. */
async function queue(em: EntityManager, event: BusEvent, make: (found: CollectionCase, zone: string) => Promise<Queued[]>): Promise<void> {
  const tenantId = Number(event.tenantId);
  if (!event.tenantId || !(await integrationOf(em, tenantId))) return;
  const found = await em.findOne(CollectionCase, { id: Number((event.payload as CaseEventPayload).caseId) });
  if (!found) return;
  const zone = await tenantZone(em, tenantId);
  const nextAttemptAt = new Date();
  for (const { kind, body } of await make(found, zone)) {
    em.create(IntegrationDelivery, {
      tenantId,
      caseId: found.id,
      caseCode: found.caseCode,
      kind,
      targetPath: DELIVERY_KINDS[kind],
      body,
      sourceEventId: event.id,
      nextAttemptAt,
    });
  }
  await em.flush();
}

async function collectorOf(em: EntityManager, id: number | null | undefined) {
  const collector = id ? await em.findOne(Collector, { id }) : null;
  return { collector_id: collector?.collectorCode ?? null, collector_name: collector?.collectorName ?? null };
}

/** § 4.1 from `communication.recorded`. */
export const communicationWriteBack: EventConsumer = {
  name: 'write-back-communication',
  topics: ['communication.recorded'],
  handle: (event, em) =>
    queue(em, event, async (found, zone) => {
      const c = await em.findOne(Communication, { id: Number((event.payload as { communicationId: number }).communicationId) });
      if (!c) return [];
      return [
        {
          kind: 'communication',
          body: {
            case_code: found.caseCode,
            communication_id: String(c.id),
            ...(await collectorOf(em, c.collectorId)),
            contact_time: documentTime(c.contactTime, zone),
            contact_method: c.contactMethod,
            contact_phone: c.contactPhone ?? null,
            contact_result: c.contactResult,
            communication_content: c.communicationContent ?? null,
            next_follow_up_time: documentTime(c.nextFollowUpAt, zone),
            call_duration_seconds: c.callDurationSeconds ?? null,
          },
        },
      ];
    }),
};

/** § 4.2 from `ptp.created`. */
export const ptpWriteBack: EventConsumer = {
  name: 'write-back-ptp',
  topics: ['ptp.created'],
  handle: (event, em) =>
    queue(em, event, async (found, zone) => {
      const p = await em.findOne(Ptp, { id: Number((event.payload as { ptpId: number }).ptpId) });
      if (!p) return [];
      return [
        {
          kind: 'ptp',
          body: {
            case_code: found.caseCode,
            ptp_id: String(p.id),
            ...(await collectorOf(em, p.collectorId)),
            promise_date: p.promiseDate,
            promise_amount: Number(p.promiseAmount.toFixed(2)),
            promise_method: p.promiseMethod ?? null,
            promise_time: documentTime(p.createdAt, zone),
            notes: p.notes ?? null,
            confidence_level: p.confidenceLevel ?? null,
          },
        },
      ];
    }),
};

interface StatusChangedPayload extends CaseEventPayload {
  oldStatus: string;
  newStatus: string;
  notes?: string | null;
  reason?: string;
}

/** Statuses in which collection of a case ends, and so its result (§ 4.3) is written back. */
const FINAL_STATUSES = ['settled', 'recalled', 'closed', 'written_off'];

/** § 4.4 from `case.status_changed`, followed by § 4.3 when the case leaves collection. */
export const caseStatusWriteBack: EventConsumer = {
  name: 'write-back-case-status',
  topics: ['case.status_changed'],
  handle: (event, em) =>
    queue(em, event, async (found, zone) => {
      const change = event.payload as StatusChangedPayload;
      const operator = await collectorOf(em, found.collectorId);
      const queued: Queued[] = [
        {
          kind: 'case_status',
          body: {
            case_code: found.caseCode,
            status_change_time: documentTime(new Date(event.occurredAt), zone),
            old_status: change.oldStatus,
            new_status: change.newStatus,
            change_reason: change.notes ?? change.reason ?? null,
            operator: operator.collector_name,
          },
        },
      ];
      if (FINAL_STATUSES.includes(change.newStatus)) queued.push({ kind: 'result', body: await resultBody(em, found, change.newStatus, zone) });
      return queued;
    }),
};

/**
 * § 4.3: settled → settled, recalled → transferred; a case closed or written off otherwise: partial_settled when
 * something was repaid, refused_to_pay when the debtor was reached, else unable_to_contact.
 */
async function resultBody(em: EntityManager, found: CollectionCase, status: string, zone: string): Promise<Record<string, unknown>> {
  const contacts = await em.count(Communication, { caseId: found.id });
  const effective = await em.count(Communication, { caseId: found.id, contactResult: '接通' });
  const result =
    status === 'settled'
      ? 'settled'
      : status === 'recalled'
        ? 'transferred'
        : !found.repaidAmount.isZero()
          ? 'partial_settled'
          : effective > 0
            ? 'refused_to_pay'
            : 'unable_to_contact';
  return {
    case_code: found.caseCode,
    collection_result: result,
    collection_start_date: documentTime(found.assignedAt ?? found.createdAt, zone)?.slice(0, 10) ?? null,
    collection_end_date: documentTime(new Date(), zone)!.slice(0, 10),
    total_collected_amount: Number(found.repaidAmount.toFixed(2)),
    total_contact_count: contacts,
    effective_contact_count: effective,
    ...(await collectorOf(em, found.collectorId)),
    agency_name: found.agencyId ? ((await em.findOne(Agency, { id: found.agencyId }))?.agencyName ?? null) : null,
    notes: null,
  };
}

export const WRITE_BACK_CONSUMERS: readonly EventConsumer[] = [communicationWriteBack, ptpWriteBack, caseStatusWriteBack];
