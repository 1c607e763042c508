import type { SqlEntityManager } from '@mikro-orm/sql';
import { raw, type QueryResult } from '@mikro-orm/core';
import { conflict } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { Agency } from '../../org/entities/agency.entity';
import { Collector } from '../../org/entities/collector.entity';
import type { Team } from '../../org/entities/team.entity';
import { scoped, scopeOf, type CollectionsScope } from '../../org/services/scope';
import type { Queue } from '../../queues/entities/queue.entity';
import { OPEN_CASE_STATUSES } from '../entities/case-status';
import { CollectionCase } from '../entities/collection-case.entity';
import { recordCasesAutoAssigned } from './assignment.events';
import { queueOf, teamToFill } from './assignment.targets';
import { planAssignment, type AssignmentPlan, type AutoAssignStrategy, type PlanCase, type PlanCollector } from './auto-assign.plan';
import { collectedCents, previousMonth } from './auto-assign.weights';

/** Case ids per UPDATE … WHERE id IN (…) and per history INSERT … SELECT. */
const CHUNK = 5000;

export interface AutoAssignOutcome {
  tenantId: number;
  totalCases: number;
  assigned: number;
  failed: number;
  shares: Array<{ collector: Collector; caseCount: number }>;
}

/**
 * § 8.5: the queue's unassigned open cases go to the team's active collectors by `strategy`. One read of the
 * candidates, a plan made in memory, then per collector one capacity-checked count update, the cases' UPDATEs by id
 * chunks, bulk INSERTs of the history, and one summarising `case.assigned` — all in the mutation's transaction.
 */
export async function autoAssign(
  ctx: CollectionsContext,
  input: { teamId: string; queueId: string; strategy: AutoAssignStrategy },
): Promise<AutoAssignOutcome> {
  const em = ctx.em as SqlEntityManager;
  const scope = await scopeOf(ctx);
  const team = await teamToFill(ctx, scope, input.teamId);
  const queue = await queueOf(ctx, team.tenantId, input.queueId);
  const collectors = await em.find(
    Collector,
    { tenantId: team.tenantId, teamId: team.id, position: 'collector', status: 'active', isActive: true },
    { orderBy: { id: 'asc' } },
  );
  const cases = await candidateCases(em, scope, team, queue, input.strategy === 'specialty');
  const plan = planAssignment(input.strategy, cases, await planCollectors(em, team, collectors, input.strategy), {
    code: queue.queueCode,
    name: queue.queueName,
  });
  await writePlan(ctx, team, queue, collectors, plan, input.strategy);
  const assigned = cases.length - plan.failed.length;
  return {
    tenantId: team.tenantId,
    totalCases: cases.length,
    assigned,
    failed: plan.failed.length,
    shares: collectors.map((collector) => ({ collector, caseCount: plan.byCollector.get(collector.id)!.length })),
  };
}

/**
 * The queue's open cases no collector holds, inside the caller's scope, not already routed to another agency or
 * team: ids (and product names for `specialty`) only, in id order.
 */
async function candidateCases(em: SqlEntityManager, scope: CollectionsScope, team: Team, queue: Queue, withProduct: boolean): Promise<PlanCase[]> {
  const where = scoped(
    {
      tenantId: team.tenantId,
      queueId: queue.id,
      collectorId: null,
      caseStatus: { $in: [...OPEN_CASE_STATUSES] },
      $and: [{ $or: [{ agencyId: null }, { agencyId: team.agencyId }] }, { $or: [{ teamId: null }, { teamId: team.id }] }],
    },
    scope,
  );
  const rows = (await em
    .createQueryBuilder(CollectionCase)
    .select(withProduct ? ['id', 'loanProductName'] : ['id'])
    .where(where as never)
    .orderBy({ id: 'asc' })
    .execute('all', true)) as unknown as Array<{ id: number; loanProductName?: string | null }>;
  return rows.map((r) => ({ id: Number(r.id), productName: r.loanProductName ?? null }));
}

async function planCollectors(em: SqlEntityManager, team: Team, collectors: Collector[], strategy: AutoAssignStrategy): Promise<PlanCollector[]> {
  let cents = new Map<number, bigint>();
  if (strategy === 'performance') {
    const agency = await em.findOne(Agency, { id: team.agencyId, tenantId: team.tenantId });
    const window = previousMonth(agency?.timezone ?? 0);
    cents = await collectedCents(em, team.tenantId, collectors.map((c) => c.id), window);
  }
  return collectors.map((c) => ({
    id: c.id,
    current: c.currentCaseCount,
    room: Math.max(0, c.maxCaseCount - c.currentCaseCount),
    collectedCents: cents.get(c.id) ?? 0n,
    specialties: c.specialties,
  }));
}

async function writePlan(
  ctx: CollectionsContext,
  team: Team,
  queue: Queue,
  collectors: Collector[],
  plan: AssignmentPlan,
  strategy: AutoAssignStrategy,
): Promise<void> {
  const em = ctx.em as SqlEntityManager;
  const assignedAt = new Date();
  const assignedBy = ctx.caller?.userId ?? null;
  for (const collector of collectors) {
    const ids = plan.byCollector.get(collector.id)!;
    if (ids.length === 0) continue;
    await takeCases(em, collector, ids.length);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const moved = await em
        .createQueryBuilder(CollectionCase)
        .update({
          collectorId: collector.id,
          teamId: collector.teamId ?? null,
          teamGroupId: collector.teamGroupId ?? null,
          agencyId: collector.agencyId,
          assignedAt,
          updatedAt: assignedAt,
        })
        .where({ tenantId: team.tenantId, collectorId: null })
        // Ids we just read as numbers, inlined: a bound parameter each costs more than the update itself.
        .andWhere(`id in (${chunk.join(', ')})`)
        .execute<QueryResult>('run');
      // Someone assigned some of these cases since they were read: start again rather than take them away.
      if (moved.affectedRows !== chunk.length) throw conflict('Cases of the queue were assigned meanwhile; try again', { reason: 'CONCURRENT_ASSIGNMENT' });
      await recordHistory(em, chunk, strategy, assignedBy);
    }
  }
  // Each collector's notice names the first of their cases: one read for all of them.
  const given = collectors.filter((c) => plan.byCollector.get(c.id)!.length > 0);
  const firsts = await em.find(
    CollectionCase,
    { id: { $in: given.map((c) => plan.byCollector.get(c.id)![0]) } },
    { fields: ['id', 'caseCode', 'userName', 'overdueDays'] },
  );
  const firstById = new Map(firsts.map((k) => [k.id, k]));
  for (const collector of given) {
    const ids = plan.byCollector.get(collector.id)!;
    recordCasesAutoAssigned(ctx, collector, firstById.get(ids[0])!, {
      strategy,
      teamId: team.id,
      queueId: queue.id,
      caseCount: ids.length,
      firstCaseId: ids[0],
      lastCaseId: ids[ids.length - 1],
      assignedAt: assignedAt.toISOString(),
    });
  }
  await em.flush();
}

/**
 * One history row per case just assigned, copied from the case row in SQL (its collector and assignedAt as just
 * written), so 100,000 rows cross no wire and no entity is built for them.
 */
async function recordHistory(em: SqlEntityManager, caseIds: number[], strategy: AutoAssignStrategy, assignedBy: string | null): Promise<void> {
  await em.execute(
    'insert into case_assignment (created_at, updated_at, tenant_id, case_id, from_collector_id, to_collector_id, kind, strategy, reason, assigned_by, assigned_at) ' +
      `select assigned_at, assigned_at, tenant_id, id, null, collector_id, 'auto', ?, null, ?, assigned_at from collection_case where id in (${caseIds.join(', ')})`,
    [strategy, assignedBy],
    'run',
  );
}

/** The collector's count grows by `n`, only if it stays within their maximum (else a concurrent run filled them). */
async function takeCases(em: SqlEntityManager, collector: Collector, n: number): Promise<void> {
  const taken = await em
    .createQueryBuilder(Collector)
    .update({ currentCaseCount: raw('current_case_count + ?', [n]) })
    .where({ id: collector.id })
    .andWhere('current_case_count + ? <= max_case_count', [n])
    .execute<QueryResult>('run');
  if (taken.affectedRows !== 1) throw conflict(`Collector ${collector.collectorCode} filled up meanwhile; try again`, { reason: 'CONCURRENT_ASSIGNMENT' });
}
