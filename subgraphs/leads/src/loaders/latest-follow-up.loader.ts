import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { executeSql } from '@platform/kit';
import DataLoader from 'dataloader';
import type { LeadsContext } from '../leads.context';
import { FollowUp } from '../entities/follow-up.entity';

/**
 * Each lead's latest follow-up (by follow_up_time, then id) in one statement per tick: a window function picks
 * one row per lead, so a page of leads costs one query however many records each has.
 */
export const latestFollowUp = (ctx: LeadsContext) =>
  ctx.loaders.get('latestFollowUp', () => new DataLoader<number, FollowUp | null>((ids) => loadLatest(ctx.em, ids)));

export async function loadLatest(em: EntityManager, leadIds: readonly number[]): Promise<Array<FollowUp | null>> {
  const keys = [...new Set(leadIds)];
  const sql = em as SqlEntityManager;
  const ranked = sql
    .createQueryBuilder(FollowUp, 'f')
    .select(['f.*', raw('row_number() over (partition by f.lead_id order by f.follow_up_time desc, f.id desc) as rn')])
    .where({ leadId: { $in: keys } });
  await ranked.applyFilters();
  const rows = await executeSql(em, `select * from (${ranked.getQuery()}) ranked where ranked.rn = 1`, ranked.getParams());
  const byLead = new Map<number, FollowUp>();
  for (const row of rows) {
    delete row.rn;
    const followUp = em.map(FollowUp, row);
    byLead.set(followUp.leadId, followUp);
  }
  return leadIds.map((id) => byLead.get(id) ?? null);
}
