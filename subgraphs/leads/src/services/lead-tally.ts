import type { EntityManager } from '@mikro-orm/core';
import { SqlitePlatform } from '@mikro-orm/sql';
import { executeSql } from '@platform/kit';
import type { Lead } from '../entities/lead.entity';

/**
 * The statistics' two tallies, kept by the lead mutations in their own transaction (a lead and its counts commit or
 * roll back together):
 * - `lead_tally`: leads per intention level, source platform, follower and registrant (entities/lead-tally.entity.ts);
 * - `lead_arrival`: leads created per quarter hour (entities/lead-arrival.entity.ts).
 */

/** The columns a lead is tallied by. */
export interface TallyKey {
  tenantId: number;
  intentionLevel: string;
  sourcePlatform: string;
  followerId: string;
  registrantId: string;
}

const COLUMNS = 'tenant_id, intention_level, source_platform, follower_id, registrant_id';
export const SLOT_MS = 15 * 60_000;

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

const sqlite = (em: EntityManager) => em.getPlatform() instanceof SqlitePlatform;

/** Adds to a row's `leads`, creating the row when missing: concurrent writers add to it instead of racing to create it. */
function upsertSql(em: EntityManager, table: string, keyColumns: string, rows: number): string {
  const placeholders = `(${keyColumns.split(',').map(() => '?').join(', ')}, ?)`;
  const onConflict = sqlite(em)
    ? `on conflict (${keyColumns}) do update set leads = ${table}.leads + excluded.leads`
    : 'on duplicate key update leads = leads + values(leads)';
  return `insert into ${table} (${keyColumns}, leads) values ${Array(rows).fill(placeholders).join(', ')} ${onConflict}`;
}

/**
 * Adds `delta` leads to each key's tally row, in one statement. Rows that fall to zero stay: the statistics add
 * them up, a zero changes nothing.
 */
export async function adjustTally(em: EntityManager, changes: Array<{ key: TallyKey; delta: number }>): Promise<void> {
  // In key order: two edits moving leads between the same rows in opposite directions lock them in the same order.
  const order = ({ key }: { key: TallyKey }) => [key.tenantId, key.intentionLevel, key.sourcePlatform, key.followerId, key.registrantId].join('\u0000');
  const moves = changes.filter((c) => c.delta !== 0).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  if (moves.length === 0) return;
  const params = moves.flatMap(({ key, delta }) => [key.tenantId, key.intentionLevel, key.sourcePlatform, key.followerId, key.registrantId, delta]);
  await executeSql(em, upsertSql(em, 'lead_tally', COLUMNS, moves.length), params);
}

/** A lead edited from `before` to `after`: moved between tally rows when a tallied column changed, else nothing. */
export async function moveInTally(em: EntityManager, before: TallyKey, after: TallyKey): Promise<void> {
  if (sameKey(before, after)) return;
  await adjustTally(em, [
    { key: before, delta: -1 },
    { key: after, delta: 1 },
  ]);
}

/** The quarter hour a time falls in. */
export const slotOf = (at: Date): Date => new Date(Math.floor(at.getTime() / SLOT_MS) * SLOT_MS);

/** A lead created (+1) or deleted (-1): both tallies follow. */
export async function countLead(em: EntityManager, lead: Lead, delta: 1 | -1): Promise<void> {
  await adjustTally(em, [{ key: tallyKeyOf(lead), delta }]);
  const slot = em.getPlatform().processDateProperty(slotOf(lead.createdAt));
  await executeSql(em, upsertSql(em, 'lead_arrival', 'tenant_id, slot', 1), [lead.tenantId, slot, delta]);
}

/**
 * Recounts both tallies from the leads themselves (one tenant, or every tenant), in one transaction: the backfill
 * for leads written before the tallies existed or around them (bulk SQL imports), and the repair should they ever
 * drift. `npx node subgraphs/leads/dist/rebuild-tally.js [tenantId]` runs it against DATABASE_URL. Answers the
 * number of rows of each.
 */
export async function rebuildTally(em: EntityManager, tenantId?: number): Promise<{ tally: number; arrivals: number }> {
  // The quarter hour of created_at in SQL: libSQL keeps times as epoch milliseconds; MariaDB as DATETIME, truncated
  // with date arithmetic alone (no session time zone involved).
  const slot = sqlite(em)
    ? `(created_at / ${SLOT_MS}) * ${SLOT_MS}`
    : "cast(date_format(created_at, '%Y-%m-%d %H:00:00') as datetime) + interval (minute(created_at) div 15 * 15) minute";
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
    await executeSql(tx, `delete from lead_arrival ${where}`, params);
    await executeSql(
      tx,
      `insert into lead_arrival (tenant_id, slot, leads) select tenant_id, ${slot}, count(*) from customer_lead ${where} group by tenant_id, ${slot}`,
      params,
    );
    const [tally] = await executeSql(tx, `select count(*) as n from lead_tally ${where}`, params);
    const [arrivals] = await executeSql(tx, `select count(*) as n from lead_arrival ${where}`, params);
    return { tally: Number(tally.n), arrivals: Number(arrivals.n) };
  });
}
