import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent } from './outbox-event.entity';

export interface RecordEventInput {
  topic: string;
  payload: unknown;
  tenantId?: string | null;
  aggregateId?: string | null;
}

/**
 * Adds an outbox event to the caller's unit of work: it is inserted by the caller's next flush, inside the same
 * transaction as the business change, and rolled back with it. Nothing is published until the relay runs.
 */
export function recordEvent(em: EntityManager, input: RecordEventInput): OutboxEvent {
  return em.create(OutboxEvent, {
    topic: input.topic,
    payload: input.payload,
    tenantId: input.tenantId ?? null,
    aggregateId: input.aggregateId ?? null,
  });
}
