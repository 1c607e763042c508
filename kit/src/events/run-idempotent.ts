import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { BusEvent } from './bus-event';
import { ProcessedEvent } from './processed-event.entity';

/**
 * Runs `fn` once per (consumer, event id): the ProcessedEvent row is inserted first, in the same transaction as
 * fn's writes. A redelivery finds the row (or, when racing, waits on its key lock and then hits the duplicate)
 * and is skipped; if fn throws, both roll back and the next delivery runs it again.
 * Returns false when the event had already been processed.
 */
export async function runIdempotent<EM extends EntityManager>(
  em: EM,
  consumer: string,
  event: Pick<BusEvent, 'id'>,
  fn: (em: EM) => Promise<void>,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    try {
      await tx.insert(ProcessedEvent, { consumer, eventId: event.id, processedAt: new Date() });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
    await fn(tx);
    return true;
  });
}
