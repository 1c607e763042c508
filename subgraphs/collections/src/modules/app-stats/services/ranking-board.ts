import type { CollectionsContext } from '../../../collections.context';
import type { CollectorRanking } from '../resolvers/app-stats.types';
import { periodWindow } from './app-period';
import { appClock } from './app-clock';
import { membersOf, ranked, valuesOf, type RankingScope, type RankingType } from './ranking';

export const RANKING_PERIODS = ['today', 'week', 'month'] as const;
export type RankingPeriod = (typeof RANKING_PERIODS)[number];

/**
 * The ranking (CCO app § 2.2): the caller's team, agency or tenant ranked by contacts, promises, collected amount or
 * resolved cases over today, this week or this month. Members, their figures: two statements whatever the size.
 */
export async function collectorRanking(ctx: CollectionsContext, type: RankingType, scope: RankingScope, period: RankingPeriod, now = new Date()): Promise<CollectorRanking> {
  const { me, offset } = await appClock(ctx);
  const window = periodWindow(period, offset, {}, now);
  const members = await membersOf(ctx, me, scope);
  const entries = ranked(members, await valuesOf(ctx, type, members.map((m) => m.id), window));
  return {
    type,
    scope,
    period,
    total: entries.length,
    myRanking: entries.find((e) => e.collectorId === String(me.id))!,
    top10: entries.slice(0, 10),
  };
}
