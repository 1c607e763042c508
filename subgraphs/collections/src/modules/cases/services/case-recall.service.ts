import type { SqlEntityManager } from '@mikro-orm/sql';
import { recordDomainEvent } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { tenantSetting } from '../../config/services/settings';
import { Collector } from '../../org/entities/collector.entity';
import { CaseAssignment } from '../entities/case-assignment.entity';
import type { CaseStatus } from '../entities/case-status';
import type { CollectionCase } from '../entities/collection-case.entity';
import { releaseCases } from './assignment.service';
import { changeCaseStatus } from './case-status.service';
import { maskName } from './personal-data.mask';

export const CASE_RECALLED = 'case.recalled';

export interface CaseRecall {
  oldStatus: CaseStatus;
  newStatus: CaseStatus;
  /** False for a case already recalled: nothing changed. */
  recalled: boolean;
}

/**
 * The tenant takes a case back (partner § 5.3): it becomes `recalled` (collection stops; only reopening or closing
 * may follow), and — unless the tenant's `case_recall_unassigns` is off — leaves its collector, whose count goes
 * down, with an `unassign` step added to its assignment history (the earlier steps stay). The collector who had it
 * gets the `case.recalled` notice. A case already recalled is left as it is; a settled, closed or written-off case
 * cannot be recalled (BAD_USER_INPUT naming caseStatus). The caller holds the case row locked.
 */
export async function recallCase(ctx: CollectionsContext, kase: CollectionCase, reason: { reason: string; notes: string | null }): Promise<CaseRecall> {
  const oldStatus = kase.caseStatus;
  if (oldStatus === 'recalled') return { oldStatus, newStatus: oldStatus, recalled: false };
  const notes = reason.notes ? `${reason.reason}：${reason.notes}` : reason.reason;
  await changeCaseStatus(ctx, kase, { caseStatus: 'recalled', repaidAmount: null, notes });

  const collectorId = kase.collectorId ?? null;
  const collector = collectorId === null ? null : await ctx.em.findOne(Collector, { id: collectorId });
  const unassigns = await tenantSetting(ctx.em, 'case_recall_unassigns', kase.tenantId);
  if (unassigns && collectorId !== null) {
    await releaseCases(ctx.em as SqlEntityManager, new Map([[collectorId, 1]]));
    Object.assign(kase, { collectorId: null, teamId: null, teamGroupId: null, agencyId: null, assignedAt: null });
    ctx.em.create(CaseAssignment, {
      tenantId: kase.tenantId,
      caseId: kase.id,
      fromCollectorId: collectorId,
      toCollectorId: null,
      kind: 'unassign',
      reason: `召回：${reason.reason}`.slice(0, 255),
      assignedBy: ctx.caller?.userId ?? null,
      assignedAt: new Date(),
    });
  }
  recordDomainEvent(ctx, {
    source: 'collections',
    topic: CASE_RECALLED,
    payload: { caseId: kase.id, caseCode: kase.caseCode, collectorId, unassigned: unassigns && collectorId !== null, reason: reason.reason, notes: reason.notes },
    tenantId: kase.tenantId,
    action: 'recall',
    resourceType: 'case',
    resourceId: kase.id,
    before: { caseStatus: oldStatus, collectorId },
    after: { caseStatus: kase.caseStatus, collectorId: kase.collectorId ?? null },
    summary: `召回案件 ${kase.caseCode}：${reason.reason}`,
    notify: collector
      ? {
          recipients: { userIds: [collector.userId] },
          template: CASE_RECALLED,
          params: { case_id: kase.id, case_code: kase.caseCode, debtor_name: maskName(kase.userName), recall_reason: reason.reason },
        }
      : undefined,
  });
  await ctx.em.flush();
  return { oldStatus, newStatus: kase.caseStatus, recalled: true };
}
