import { parseId, recordDomainEvent } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { callerOf } from '../../../collections.context';
import { Communication } from '../entities/communication.entity';
import { QualityInspection } from '../entities/quality-inspection.entity';
import { caseInReach } from './case-reach';

/** 质检 result from a 0–100 score: 优秀 ≥ 90, 良好 ≥ 75, 一般 ≥ 60, else 较差. */
export function inspectionResult(score: number): string {
  if (score >= 90) return '优秀';
  if (score >= 75) return '良好';
  if (score >= 60) return '一般';
  return '较差';
}

/** A reviewer scores a communication on a case in their reach; the quality dashboard counts the results. */
export async function inspectCommunication(ctx: CollectionsContext, communicationId: string, score: number, comments?: string | null): Promise<QualityInspection> {
  const id = parseId(communicationId);
  const communication = id === null ? null : await ctx.em.findOne(Communication, { id });
  if (!communication) throw CollectionsErrors.notFound('Communication', communicationId);
  await caseInReach(ctx, communication.caseId, 'write');
  const inspection = ctx.em.create(QualityInspection, {
    tenantId: communication.tenantId,
    communicationId: communication.id,
    caseId: communication.caseId,
    collectorId: communication.collectorId ?? null,
    agencyId: communication.agencyId ?? null,
    teamId: communication.teamId ?? null,
    reviewerId: callerOf(ctx).userId,
    score,
    result: inspectionResult(score),
    comments: comments ?? null,
  });
  await ctx.em.flush();
  recordDomainEvent(ctx, {
    source: 'collections',
    tenantId: communication.tenantId,
    action: 'inspect',
    resourceType: 'communication',
    resourceId: communication.id,
    after: { score, result: inspection.result },
  });
  await ctx.em.flush();
  return inspection;
}
