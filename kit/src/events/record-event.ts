import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent } from './outbox-event.entity';

export interface RecordEventInput {
  topic: string;
  payload: unknown;
  /** Identity's tenant id; travels as a string of digits (BusEvent). */
  tenantId?: string | number | null;
  aggregateId?: string | number | null;
}

/**
 * Adds an outbox event to the caller's unit of work: it is inserted by the caller's next flush, inside the same
 * transaction as the business change, and rolled back with it. A started OutboxRelay publishes it right after the
 * commit (or at its next poll).
 */
export function recordEvent(em: EntityManager, input: RecordEventInput): OutboxEvent {
  return em.create(OutboxEvent, {
    topic: input.topic,
    payload: input.payload,
    tenantId: input.tenantId == null ? null : String(input.tenantId),
    aggregateId: input.aggregateId == null ? null : String(input.aggregateId),
  });
}
