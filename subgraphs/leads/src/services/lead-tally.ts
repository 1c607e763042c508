import type { EntityManager } from '@mikro-orm/core';
import { SqlitePlatform } from '@mikro-orm/sql';
import { executeSql } from '@platform/kit';
import type { Lead } from '../entities/lead.entity';

/** The columns a lead is tallied by (entities/lead-tally.entity.ts). */
export interface TallyKey {
  tenantId: number;
  intentionLevel: string;
  sourcePlatform: string;
  followerId: string;
  registrantId: string;
}

const COLUMNS = 'tenant_id, intention_level, source_platform, follower_id, registrant_id';

export const tallyKeyOf = (lead: Pick<Lead, 'tenantId' | 'intentionLevel' | 'sourcePlatform' | 'followerId' | 'registrantId'>): TallyKey => ({
  tenantId: lead.tenantId,
  intentionLevel: lead.intentionLevel,
  sourcePlatform: lead.sourcePlatform ?? '',
  followerId: lead.followerId,
  registrantId: lead.registrantId,
});

const sameKey = (a: TallyKey, b: TallyKey) =>
  a.tenantId === b.tenantId &&
  a.intentionLevel === b.intentionLevel &&
  a.sourcePlatform === b.sourcePlatform &&
  a.followerId === b.followerId &&
  a.registrantId === b.registrantId;

/**
 * Adds `delta` leads to each key's row, creating it when missing, in one statement and in the caller's transaction
 * (a lead and its tally commit or roll back together; concurrent writers add to the row instead of racing to
 * create it). Rows that fall to zero stay: the statistics add them up, a zero changes nothing.
 */
export async function adjustTally(em: EntityManager, changes: Array<{ key: TallyKey; delta: number }>): Promise<void> {
  const moves = changes.filter((c) => c.delta !== 0);
  if (moves.length === 0) return;
  const values = moves.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
  const params = moves.flatMap(({ key, delta }) => [key.tenantId, key.intentionLevel, key.sourcePlatform, key.followerId, key.registrantId, delta]);
  const onConflict =
    em.getPlatform() instanceof SqlitePlatform
      ? `on conflict (${COLUMNS}) do update set leads = lead_tally.leads + excluded.leads`
      : 'on duplicate key update leads = leads + values(leads)';
  await executeSql(em, `insert into lead_tally (${COLUMNS}, leads) values ${values} ${onConflict}`, params);
}

/** A lead edited from `before` to `after`: moved between rows when a tallied column changed, else nothing. */
export async function moveInTally(em: EntityManager, before: TallyKey, after: TallyKey): Promise<void> {
  if (sameKey(before, after)) return;
  await adjustTally(em, [
    { key: before, delta: -1 },
    { key: after, delta: 1 },
  ]);
}

/**
 * Recounts the tally from the leads themselves (one tenant, or every tenant), in one transaction: the backfill
 * for leads written before the tally existed or around it (bulk imports), and the repair should it ever drift.
 * `npx node subgraphs/leads/dist/rebuild-tally.js [tenantId]` runs it against DATABASE_URL.
 */
export async function rebuildTally(em: EntityManager, tenantId?: number): Promise<number> {
  return em.transactional(async (tx) => {
    const where = tenantId === undefined ? '' : 'where tenant_id = ?';
    const params = tenantId === undefined ? [] : [tenantId];
    await executeSql(tx, `delete from lead_tally ${where}`, params);
    await executeSql(
      tx,
      `insert into lead_tally (${COLUMNS}, leads) ` +
        `select tenant_id, intention_level, coalesce(source_platform, ''), follower_id, registrant_id, count(*) from customer_lead ${where} ` +
        `group by tenant_id, intention_level, coalesce(source_platform, ''), follower_id, registrant_id`,
      params,
    );
    const [row] = await executeSql(tx, `select count(*) as n from lead_tally ${where}`, params);
    return Number(row.n);
  });
}
