import type { FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { badInput } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CaseAssignment } from '../../cases/entities/case-assignment.entity';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { Collector } from '../../org/entities/collector.entity';
import { inScope, scoped, scopeOf, scopeWhere, type CollectionsScope } from '../../org/services/scope';
import type { CaseChange, CaseChangePage } from '../resolvers/my-cases.types';

/**
 * A change is a case row written (status, amounts, assignment, last contact …) or a case leaving the caller's reach
 * (an assignment step away from a collector in reach). Both are ordered by (time, case id); the cursor is the key of
 * the last change answered. A transaction that commits later than its rows' timestamps could slip behind a cursor,
 * so a caught-up cursor never moves past the last few seconds: those changes come again on the next call (harmless
 * for a cache that upserts).
 */
const SETTLE_MS = 5_000;

interface Key {
  t: number;
  id: number;
}

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify({ v: 1, t: key.t, id: key.id })).toString('base64url');
}

function decodeCursor(cursor: string | undefined | null): Key {
  if (!cursor) return { t: 0, id: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; t?: unknown; id?: unknown };
    if (parsed.v === 1 && Number.isSafeInteger(parsed.t) && Number.isSafeInteger(parsed.id)) return { t: parsed.t as number, id: parsed.id as number };
  } catch {
    // fall through: not one of ours
  }
  throw badInput('cursor', 'cursor must be one a previous answer gave');
}

const after = (column: string, key: Key, idColumn: string) => ({
  $or: [{ [column]: { $gt: new Date(key.t) } }, { [column]: new Date(key.t), [idColumn]: { $gt: key.id } }],
});

/** Collectors whose cases are in the scope: a case stepping away from one of them left the caller's reach. */
function collectorsInReach(ctx: CollectionsContext, scope: CollectionsScope) {
  const columns = { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'teamId', collectorId: 'id' };
  return (ctx.em as SqlEntityManager).createQueryBuilder(Collector).select('id' as never).where(scopeWhere(scope, columns) as never);
}

interface Raw {
  key: Key;
  caseId: number;
  row?: CollectionCase;
}

export async function myCaseChanges(ctx: CollectionsContext, cursor: string | undefined | null, limit: number, now = new Date()): Promise<CaseChangePage> {
  const from = decodeCursor(cursor);
  const scope = await scopeOf(ctx);
  const wide = scope.level === 'platform' || scope.level === 'tenant';
  const [updated, steps] = await Promise.all([
    ctx.em.find(CollectionCase, scoped(after('updatedAt', from, 'id'), scope) as FilterQuery<CollectionCase>, {
      orderBy: { updatedAt: 'asc', id: 'asc' },
      limit: limit + 1,
    }),
    // A tenant-wide caller keeps every case of the tenant: nothing leaves their reach.
    wide
      ? Promise.resolve([])
      : ctx.em.find(
          CaseAssignment,
          { $and: [after('assignedAt', from, 'caseId'), { fromCollectorId: { $in: collectorsInReach(ctx, scope) } }] },
          { orderBy: { assignedAt: 'asc', caseId: 'asc' }, limit: limit + 1 },
        ),
  ]);
  const merged: Raw[] = [
    ...updated.map((row) => ({ key: { t: row.updatedAt.getTime(), id: row.id }, caseId: row.id, row })),
    ...steps.map((s) => ({ key: { t: s.assignedAt.getTime(), id: s.caseId }, caseId: s.caseId })),
  ].sort((a, b) => a.key.t - b.key.t || a.key.id - b.key.id);
  const taken = merged.slice(0, limit);
  const hasMore = merged.length > limit;
  const items = await changesOf(ctx, scope, taken);
  const last = taken.at(-1)?.key ?? from;
  const settled = now.getTime() - SETTLE_MS;
  const next = hasMore || last.t <= settled ? last : { t: Math.max(settled, from.t), id: settled > from.t ? 0 : from.id };
  return { items, cursor: encodeCursor(next), hasMore };
}

/** The rows as changes: a step away whose case is back in reach (or written since) is not a removal. */
async function changesOf(ctx: CollectionsContext, scope: CollectionsScope, taken: Raw[]): Promise<CaseChange[]> {
  const away = [...new Set(taken.filter((r) => !r.row).map((r) => r.caseId))];
  const current = away.length ? await ctx.em.find(CollectionCase, { id: { $in: away } }) : [];
  const back = new Set(current.filter((c) => inScope(scope, c)).map((c) => c.id));
  const seen = new Set<string>();
  const items: CaseChange[] = [];
  for (const r of taken) {
    const removed = !r.row;
    if (removed && back.has(r.caseId)) continue;
    const id = `${r.caseId}:${removed}`;
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({ caseId: r.caseId, removed, case: r.row ?? null, changedAt: new Date(r.key.t) });
  }
  return items;
}
