import type { EntityManager } from '@mikro-orm/core';
import { Queue } from '../entities/queue.entity';

/**
 * The tenant's active queue whose overdue range holds `days` (ranges of active queues never overlap, so at most one;
 * the lowest sort order wins should old data disagree), or null. For imports, pushes and the daily overdue update.
 */
export function queueForOverdueDays(em: EntityManager, tenantId: number, days: number): Promise<Queue | null> {
  return em.findOne(
    Queue,
    { tenantId, isActive: true, overdueDaysStart: { $lte: days }, $or: [{ overdueDaysEnd: null }, { overdueDaysEnd: { $gte: days } }] },
    { orderBy: { sortOrder: 'asc', id: 'asc' } },
  );
}
