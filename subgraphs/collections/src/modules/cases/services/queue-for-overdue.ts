import type { EntityManager } from '@mikro-orm/core';
import { Queue } from '../../queues/entities/queue.entity';

/** The bounds of a queue that place a case (CCO admin § 7: 逾期天数范围). */
export type QueueRange = Pick<Queue, 'id' | 'overdueDaysStart' | 'overdueDaysEnd' | 'sortOrder'>;

/** A tenant's active queues, in the order they are tried (sort order, then the lowest start). */
export async function activeQueues(em: EntityManager, tenantId: number): Promise<QueueRange[]> {
  return em.find(Queue, { tenantId, isActive: true }, {
    fields: ['id', 'overdueDaysStart', 'overdueDaysEnd', 'sortOrder'],
    orderBy: { sortOrder: 'asc', overdueDaysStart: 'asc', id: 'asc' },
  });
}

/**
 * The queue a case with `overdueDays` belongs to: the first (by sort order) whose range [start, end] holds it; an
 * open end (null) reaches any number of days. None: the case waits outside every queue (queue_id null).
 */
export function queueForOverdueDays(queues: readonly QueueRange[], overdueDays: number): number | null {
  const queue = queues.find((q) => q.overdueDaysStart <= overdueDays && (q.overdueDaysEnd == null || overdueDays <= q.overdueDaysEnd));
  return queue?.id ?? null;
}
