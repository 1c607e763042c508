import type { SqlEntityManager } from '@mikro-orm/sql';
import { raw, type QueryResult } from '@mikro-orm/core';
import { badInput, conflict, requireId } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { Collector } from '../../org/entities/collector.entity';
import { scopeOf } from '../../org/services/scope';
import { CaseAssignment, type AssignmentKind } from '../entities/case-assignment.entity';
import type { CollectionCase } from '../entities/collection-case.entity';
import { recordCaseAssigned } from './assignment.events';
import { caseToAssign, collectorToReceive } from './assignment.targets';

/** What a manual assignment or a transfer answers (CCO admin § 8.4). */
export interface AssignedCase {
  kase: CollectionCase;
  collector: Collector;
}

/** § 8.4: the case goes to the collector (a reassignment when someone held it). */
export async function assignCase(
  ctx: CollectionsContext,
  input: { caseId: string; collectorId: string; reason?: string | null },
): Promise<AssignedCase> {
  const scope = await scopeOf(ctx);
  const kase = await caseToAssign(ctx, scope, input.caseId);
  const collector = await collectorToReceive(ctx, scope, kase.tenantId, input.collectorId, 'collectorId');
  if (kase.collectorId === collector.id) {
    throw badInput('collectorId', `case ${kase.caseCode} is already assigned to ${collector.collectorCode}`);
  }
  return moveCase(ctx, kase, collector, 'manual', input.reason ?? null);
}

/** § 8.6: the case leaves its current holder (who must be `fromCollectorId`) for another collector. */
export async function transferCase(
  ctx: CollectionsContext,
  input: { caseId: string; fromCollectorId: string; toCollectorId: string; reason?: string | null },
): Promise<AssignedCase> {
  const scope = await scopeOf(ctx);
  const from = requireId(input.fromCollectorId, 'fromCollectorId');
  const to = requireId(input.toCollectorId, 'toCollectorId');
  if (from === to) throw badInput('toCollectorId', 'toCollectorId must differ from fromCollectorId');
  const kase = await caseToAssign(ctx, scope, input.caseId);
  if (kase.collectorId !== from) {
    throw conflict(`case ${kase.caseCode} is not held by collector ${from}`, { field: 'fromCollectorId', reason: 'NOT_CURRENT_HOLDER' });
  }
  const collector = await collectorToReceive(ctx, scope, kase.tenantId, input.toCollectorId, 'toCollectorId');
  return moveCase(ctx, kase, collector, 'transfer', input.reason ?? null);
}

/**
 * The case's place in the organisation follows its collector; both collectors' counts move by one in SQL (the
 * receiver's only while under their maximum, so two concurrent assignments cannot overfill them); one history row.
 */
async function moveCase(
  ctx: CollectionsContext,
  kase: CollectionCase,
  collector: Collector,
  kind: AssignmentKind,
  reason: string | null,
): Promise<AssignedCase> {
  const em = ctx.em as SqlEntityManager;
  const previousCollectorId = kase.collectorId ?? null;
  const taken = await em
    .createQueryBuilder(Collector)
    .update({ currentCaseCount: raw('current_case_count + 1') })
    .where({ id: collector.id })
    .andWhere('current_case_count < max_case_count')
    .execute<QueryResult>('run');
  if (taken.affectedRows !== 1) throw badInput(kind === 'transfer' ? 'toCollectorId' : 'collectorId', `collector ${collector.collectorCode} is full`);
  if (previousCollectorId !== null) await releaseCases(em, new Map([[previousCollectorId, 1]]));

  const assignedAt = new Date();
  Object.assign(kase, {
    collectorId: collector.id,
    teamId: collector.teamId ?? null,
    teamGroupId: collector.teamGroupId ?? null,
    agencyId: collector.agencyId,
    assignedAt,
  });
  em.create(CaseAssignment, {
    tenantId: kase.tenantId,
    caseId: kase.id,
    fromCollectorId: previousCollectorId,
    toCollectorId: collector.id,
    kind,
    reason,
    assignedBy: ctx.caller?.userId ?? null,
    assignedAt,
  });
  recordCaseAssigned(ctx, kase, collector, { kind, previousCollectorId, reason });
  await em.flush();
  return { kase, collector };
}

/** The previous holders' counts go down by the cases they lost (never below zero). */
export async function releaseCases(em: SqlEntityManager, lost: ReadonlyMap<number, number>): Promise<void> {
  for (const [collectorId, n] of lost) {
    await em
      .createQueryBuilder(Collector)
      .update({ currentCaseCount: raw('case when current_case_count > ? then current_case_count - ? else 0 end', [n, n]) })
      .where({ id: collectorId })
      .execute<QueryResult>('run');
  }
}
