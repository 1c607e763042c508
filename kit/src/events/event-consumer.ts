import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant } from '../db/tenant.filter';
import type { BusEvent } from './bus-event';
import { runIdempotent } from './run-idempotent';

/**
 * What a subgraph does with one topic's events. Declared once at module level and listed in the subgraph's
 * consumers: startConsumers subscribes it, and the dead-letter replay finds it again by name.
 */
export interface EventConsumer {
  /**
   * Unique within the subgraph and stable: it keys processed events and dead letters, and with the subgraph's name
   * it is the bus group (renaming a consumer makes it a new group that reads the retained stream again).
   */
  name: string;
  topics: string[];
  /** Runs in one transaction with the processed-event mark, scoped to the event's tenant (null: platform). */
  handle(event: BusEvent, em: EntityManager): Promise<void>;
}

/** Handles an event once per consumer, whichever delivery or replay brings it. False when it already had been. */
export function handleOnce(em: EntityManager, consumer: EventConsumer, event: BusEvent): Promise<boolean> {
  const scoped = forkForTenant(em, event.tenantId);
  return runIdempotent(scoped, consumer.name, event, (tx) => consumer.handle(event, tx));
}
