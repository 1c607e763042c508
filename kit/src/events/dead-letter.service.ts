import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { businessRule, notFound } from '../errors';
import { type Paged, pageWindow, toPage } from '../page';
import { DeadLetter } from './dead-letter.entity';
import { describeFailure } from './dead-letter.store';
import { type EventConsumer, handleOnce } from './event-consumer';

export interface DeadLetterFilter {
  page: number;
  pageSize: number;
  /** false (default): those waiting for a replay; true: those replayed. */
  replayed?: boolean;
  consumer?: string | null;
}

/** Newest first. */
export async function listDeadLetters(em: EntityManager, filter: DeadLetterFilter): Promise<Paged<DeadLetter>> {
  const where: FilterQuery<DeadLetter> = { replayedAt: filter.replayed ? { $ne: null } : null };
  if (filter.consumer) where.consumer = filter.consumer;
  const [items, total] = await em.findAndCount(DeadLetter, where, {
    orderBy: { deadAt: 'desc', id: 'desc' },
    ...pageWindow(filter),
  });
  return toPage(items, total, filter);
}

/**
 * Hands the event to its consumer again, once. Success marks the letter replayed (and the event processed, so a
 * later delivery is a no-op); a failure is recorded on the letter, which keeps waiting. Replaying a replayed
 * letter changes nothing.
 */
export async function replayDeadLetter(
  em: EntityManager,
  consumers: readonly EventConsumer[],
  id: string,
): Promise<DeadLetter> {
  const letter = await em.findOne(DeadLetter, { id });
  if (!letter) throw notFound('DeadLetter', id);
  if (letter.replayedAt) return letter;
  const consumer = consumers.find((c) => c.name === letter.consumer);
  if (!consumer) throw businessRule(`No consumer ${letter.consumer} here any more`, { reason: 'CONSUMER_GONE' });
  try {
    await handleOnce(em, consumer, letter.toBusEvent());
    letter.replayedAt = new Date();
  } catch (error) {
    // Reported on the letter, not thrown: the failure is the answer, and it must be stored, not rolled back.
    letter.attempts += 1;
    letter.lastError = describeFailure(error);
    letter.deadAt = new Date();
  }
  await em.flush();
  return letter;
}
