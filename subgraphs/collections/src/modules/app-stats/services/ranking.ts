import { Decimal } from '@platform/kit';
import type { FilterQuery } from '@mikro-orm/core';
import type { CollectionsContext } from '../../../collections.context';
import { Collector } from '../../org/entities/collector.entity';
import type { PeriodWindow } from './app-period';
import { caseFigures, collectedFigures, contactFigures, ptpFigures, type PerCollector } from './collector-figures';

export const RANKING_TYPES = ['contact', 'ptp', 'collected_amount', 'resolution'] as const;
export type RankingType = (typeof RANKING_TYPES)[number];
export const RANKING_SCOPES = ['team', 'agency', 'all'] as const;
export type RankingScope = (typeof RANKING_SCOPES)[number];

export interface RankEntry {
  rank: number;
  collectorId: string;
  collectorName: string;
  value: Decimal;
}

interface Member {
  id: number;
  collectorName: string;
}

/**
 * Who a collector is ranked among: the active collectors of their team, their agency or the whole tenant, and always
 * the caller (a team leader ranks among their collectors). One statement, ids and names only.
 */
export async function membersOf(ctx: CollectionsContext, me: Collector, scope: RankingScope): Promise<Collector[]> {
  const place: FilterQuery<Collector> = scope === 'team' ? { teamId: me.teamId ?? -1 } : scope === 'agency' ? { agencyId: me.agencyId } : {};
  const members = await ctx.em.find(
    Collector,
    { $or: [{ ...place, position: 'collector', isActive: true }, { id: me.id }] },
    { fields: ['collectorName', 'teamId', 'agencyId'], orderBy: { id: 'asc' } },
  );
  return members as Collector[];
}

/** Each member's figure of the type over the period (one grouped statement). */
export async function valuesOf(ctx: CollectionsContext, type: RankingType, ids: number[], window: PeriodWindow): Promise<PerCollector<Decimal>> {
  const pick = <T>(map: PerCollector<T>, read: (v: T) => number | Decimal) => new Map([...map].map(([id, v]) => [id, new Decimal(read(v))]));
  switch (type) {
    case 'contact':
      return pick(await contactFigures(ctx, ids, window), (f) => f.total);
    case 'ptp':
      return pick(await ptpFigures(ctx, ids, window), (f) => f.total);
    case 'collected_amount':
      return collectedFigures(ctx, ids, window);
    case 'resolution':
      return pick(await caseFigures(ctx, ids, window), (f) => f.resolved);
  }
}

/**
 * Members best first (value, then id), with competition ranks: equal values share a rank and the next rank skips
 * (1, 2, 2, 4). A member without a figure has 0.
 */
export function ranked(members: readonly Member[], values: PerCollector<Decimal>): RankEntry[] {
  const zero = new Decimal(0);
  const rows = members
    .map((m) => ({ id: m.id, collectorName: m.collectorName, value: values.get(m.id) ?? zero }))
    .sort((a, b) => b.value.comparedTo(a.value) || a.id - b.id);
  let rank = 0;
  return rows.map((row, i) => {
    if (i === 0 || !row.value.eq(rows[i - 1].value)) rank = i + 1;
    return { rank, collectorId: String(row.id), collectorName: row.collectorName, value: row.value };
  });
}

export interface Standing {
  rank: number;
  total: number;
}

/** The collector's rank among the members, and how many they are. */
export function standingOf(entries: readonly RankEntry[], collectorId: number): Standing {
  return { rank: entries.find((e) => e.collectorId === String(collectorId))?.rank ?? entries.length, total: entries.length };
}
