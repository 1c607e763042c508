import type { CollectionsContext } from '../../../collections.context';
import { OPEN_CASE_STATUSES } from '../../cases/entities/case-status';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { aggregate, count, countWhere, num } from '../../dashboards/services/grouped';
import { addDays, dayRange, localToday } from '../../dashboards/services/local-day';
import { raw } from '@mikro-orm/sql';
import type { MyCaseStats } from '../resolvers/app-stats.types';
import { appClock } from './app-clock';

/** Amount bands in cents (MoneyType stores cents). */
const CENTS_5000 = 500_000;
const CENTS_10000 = 1_000_000;

/**
 * The collector's open cases (pending, partially repaid, promised) by status, overdue days, outstanding amount and
 * last contact (CCO app § 8.3), one statement of conditional sums. Contact bands are local days before today.
 */
export async function myCaseStats(ctx: CollectionsContext, now = new Date()): Promise<MyCaseStats> {
  const { me, offset } = await appClock(ctx);
  const today = localToday(offset, now);
  const platform = ctx.em.getPlatform();
  const since = (days: number) => platform.processDateProperty(dayRange(addDays(today, -days), offset).from);
  const [todayStart, threeDays, sevenDays] = [since(0), since(3), since(7)];
  const contacted = (alias: string, from: unknown, to?: unknown) =>
    to === undefined
      ? raw(`sum(case when last_contact_at >= ? then 1 else 0 end) as ${alias}`, [from])
      : raw(`sum(case when last_contact_at >= ? and last_contact_at < ? then 1 else 0 end) as ${alias}`, [from, to]);
  const [row] = await aggregate(
    ctx.em,
    CollectionCase,
    [
      count(),
      countWhere(`case_status = 'pending_repayment'`, 'pending'),
      countWhere(`case_status = 'partial_repayment'`, 'partial'),
      countWhere(`case_status = 'promised'`, 'promised'),
      countWhere('overdue_days <= 15', 'dpd15'),
      countWhere('overdue_days between 16 and 30', 'dpd30'),
      countWhere('overdue_days > 30', 'dpd31'),
      countWhere(`outstanding_amount < ${CENTS_5000}`, 'small'),
      countWhere(`outstanding_amount between ${CENTS_5000} and ${CENTS_10000}`, 'medium'),
      countWhere(`outstanding_amount > ${CENTS_10000}`, 'large'),
      countWhere('last_contact_at is null', 'never'),
      contacted('today', todayStart),
      contacted('d3', threeDays, todayStart),
      contacted('d7', sevenDays, threeDays),
      raw('sum(case when last_contact_at < ? then 1 else 0 end) as older', [sevenDays]),
    ],
    { collectorId: me.id, caseStatus: { $in: [...OPEN_CASE_STATUSES] } },
  );
  const kc = (key: string, value: unknown) => ({ key, count: num(value) });
  return {
    totalCases: num(row?.n),
    byStatus: [kc('pending_repayment', row?.pending), kc('partial_repayment', row?.partial), kc('ptp_pending', row?.promised)],
    byOverdueDays: [kc('dpd_1_15', row?.dpd15), kc('dpd_16_30', row?.dpd30), kc('dpd_31_plus', row?.dpd31)],
    byAmount: [kc('under_5000', row?.small), kc('5000_10000', row?.medium), kc('over_10000', row?.large)],
    byContactStatus: [
      kc('never_contacted', row?.never),
      kc('contacted_today', row?.today),
      kc('last_contact_3_days', row?.d3),
      kc('last_contact_7_days', row?.d7),
      kc('last_contact_over_7_days', row?.older),
    ],
  };
}
