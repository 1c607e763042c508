import type { EntityManager } from '@mikro-orm/core';
import type { PubSub } from 'type-graphql';
import type { Logger } from '../logging';
import { TENANT_FILTER, type TenantFilterParams } from '../db/tenant.filter';
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
  handle(event: BusEvent, em: EntityManager, scope: ConsumerScope): Promise<void>;
}

/** What a handler may do beyond its transaction: live notices, sent only once that transaction has committed. */
export interface ConsumerScope {
  /** The subgraph's PubSub (absent when a dead letter is replayed: the stored result is the delivery then). */
  pubSub?: PubSub;
  logger?: Logger;
  /** Runs after the handler's transaction commits (not at all when it rolls back); a failure is only logged. */
  afterCommit(this: void, task: () => Promise<void>): void;
}

export interface HandleOptions {
  pubSub?: PubSub;
  /** The handlers' logger; a failed after-commit task is reported there too. */
  logger?: Logger;
}

/**
 * Handles an event once per consumer, whichever delivery or replay brings it. False when it already had been.
 * Inside a transaction of `em` (a replaying mutation's) it runs in a savepoint of it: a failing handler then
 * rolls back its own writes only, and on SQLite's single connection it cannot wait on the outer transaction.
 */
export async function handleOnce(
  em: EntityManager,
  consumer: EventConsumer,
  event: BusEvent,
  options: HandleOptions = {},
): Promise<boolean> {
  // Only `em`'s own transaction: resolving the async context could pick up a committed one the caller ran in.
  const scoped = em.fork({ keepTransactionContext: true, disableContextResolution: true });
  scoped.setFilterParams(TENANT_FILTER, { tenantId: event.tenantId } satisfies TenantFilterParams);
  const tasks: Array<() => Promise<void>> = [];
  const scope: ConsumerScope = { pubSub: options.pubSub, logger: options.logger, afterCommit: (task) => tasks.push(task) };
  const handled = await runIdempotent(scoped, consumer.name, event, (tx) => consumer.handle(event, tx, scope));
  for (const task of handled ? tasks : []) {
    try {
      await task();
    } catch (error) {
      options.logger?.warn({ err: error, consumer: consumer.name, eventId: event.id }, 'after-commit task failed');
    }
  }
  return handled;
}
