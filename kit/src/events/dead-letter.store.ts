import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { BACKGROUND_WORK } from '../db/sql-counter';
import { uuidv7 } from '../db/uuidv7';
import type { BusEvent } from './bus-event';
import { DeadLetter } from './dead-letter.entity';

/** What a failure is kept as: the message and its stack, bounded (a text column, read by people). */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.slice(0, 4000);
}

/**
 * Keeps the event as a dead letter of `consumer`. The same event failing again (redelivered after it was given up
 * on, or after a replay) updates its one letter and makes it wait for a replay again.
 */
export async function recordDeadLetter(
  root: EntityManager,
  consumer: string,
  event: BusEvent,
  attempts: number,
  error: unknown,
): Promise<void> {
  const em = root.fork({ loggerContext: BACKGROUND_WORK });
  const failure = { attempts, lastError: describeFailure(error), deadAt: new Date(), replayedAt: null };
  try {
    await em.insert(DeadLetter, {
      ...failure,
      id: uuidv7(),
      consumer,
      eventId: event.id,
      topic: event.topic,
      payload: event.payload,
      tenantId: event.tenantId,
      aggregateId: event.aggregateId,
      occurredAt: new Date(event.occurredAt),
    });
  } catch (insertError) {
    if (!(insertError instanceof UniqueConstraintViolationException)) throw insertError;
    const { attempts: more, ...rest } = failure;
    const letter = await em.findOneOrFail(DeadLetter, { consumer, eventId: event.id });
    em.assign(letter, { ...rest, attempts: letter.attempts + more });
    await em.flush();
  }
}
