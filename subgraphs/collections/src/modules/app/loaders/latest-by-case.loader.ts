import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { CollectionsContext } from '../../../collections.context';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';

/**
 * Each case's newest row of a table (by `column`, then id), for a page of cases in one statement: a row for which no
 * newer row of the same case exists. Only the newest rows are read, however long the cases' histories.
 */
function latestByCase<E extends { caseId: number }>(ctx: CollectionsContext, entity: new (...args: never[]) => E, table: string, column: string) {
  return new DataLoader<number, E | null>(async (ids) => {
    const newer =
      `not exists (select 1 from ${table} n where n.tenant_id = e0.tenant_id and n.case_id = e0.case_id ` +
      `and (n.${column} > e0.${column} or (n.${column} = e0.${column} and n.id > e0.id)))`;
    const qb = (ctx.em as SqlEntityManager)
      .createQueryBuilder(entity, 'e0')
      .select('*')
      .where({ caseId: { $in: [...new Set(ids)] } } as FilterQuery<E> as never)
      .andWhere(newer);
    await qb.applyFilters();
    const rows = (await qb.getResultList()) as E[];
    const byCase = new Map(rows.map((r) => [r.caseId, r]));
    return ids.map((id) => byCase.get(id) ?? null);
  });
}

/** A case's latest communication (the list's last contact result and booked call-back). */
export const latestCommunicationByCase = (ctx: CollectionsContext) =>
  ctx.loaders.get('app.latestCommunicationByCase', () => latestByCase(ctx, Communication, 'communication', 'contact_time'));

/** A case's latest promise to pay (the list's ptp_info; at most one is open at a time). */
export const latestPtpByCase = (ctx: CollectionsContext) => ctx.loaders.get('app.latestPtpByCase', () => latestByCase(ctx, Ptp, 'ptp', 'created_at'));
