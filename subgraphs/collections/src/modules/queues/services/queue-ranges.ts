import type { EntityManager } from '@mikro-orm/core';
import { badInput } from '@platform/kit';
import { Queue } from '../entities/queue.entity';

/** An overdue-days range; a null end is open (61+). */
export interface OverdueRange {
  start: number;
  end: number | null;
}

const overlaps = (a: OverdueRange, b: OverdueRange) =>
  a.start <= (b.end ?? Infinity) && b.start <= (a.end ?? Infinity);

/**
 * Refuses a range whose end precedes its start, or that overlaps another active queue of the tenant (a case would
 * belong to two queues): BAD_USER_INPUT naming the bound that falls inside the other queue.
 */
export async function assertRangeFree(
  em: EntityManager,
  tenantId: number,
  range: OverdueRange,
  opts: { againstOthers: boolean; exceptId?: number },
): Promise<void> {
  if (range.end !== null && range.end < range.start) {
    throw badInput('overdueDaysEnd', 'overdueDaysEnd must be at least overdueDaysStart');
  }
  if (!opts.againstOthers) return;
  const active = await em.find(Queue, { tenantId, isActive: true, ...(opts.exceptId ? { id: { $ne: opts.exceptId } } : {}) });
  const other = active.find((q) => overlaps(range, { start: q.overdueDaysStart, end: q.overdueDaysEnd ?? null }));
  if (!other) return;
  const startInside = range.start >= other.overdueDaysStart && range.start <= (other.overdueDaysEnd ?? Infinity);
  const field = startInside ? 'overdueDaysStart' : 'overdueDaysEnd';
  const otherRange = `${other.overdueDaysStart}–${other.overdueDaysEnd ?? '∞'}`;
  throw badInput(field, `${field} overlaps the overdue days of active queue ${other.queueCode} (${otherRange})`);
}
