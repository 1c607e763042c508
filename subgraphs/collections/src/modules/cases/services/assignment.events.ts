import { recordDomainEvent, type CaseAssignedData } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import type { Collector } from '../../org/entities/collector.entity';
import type { AssignmentKind } from '../entities/case-assignment.entity';
import type { CollectionCase } from '../entities/collection-case.entity';
import { maskName } from './personal-data.mask';

export const CASE_ASSIGNED = 'case.assigned';

/** `case.assigned` payload for one case (manual assignment, transfer). */
export interface CaseAssignedPayload {
  kind: AssignmentKind;
  caseId: number;
  caseCode: string;
  collectorId: number;
  collectorUserId: string;
  previousCollectorId: number | null;
  teamId: number | null;
  agencyId: number;
  assignedAt: string;
  assignedBy: string | null;
}

/**
 * One case went to a collector: `case.assigned` for the domain, the audit entry, and the collector's notice (the
 * `case.assigned` template) with the `caseAssigned` live event their app subscribes to.
 */
export function recordCaseAssigned(
  ctx: CollectionsContext,
  kase: CollectionCase,
  collector: Collector,
  change: { kind: AssignmentKind; previousCollectorId: number | null; reason: string | null },
): void {
  const assignedAt = kase.assignedAt!.toISOString();
  const payload: CaseAssignedPayload = {
    kind: change.kind,
    caseId: kase.id,
    caseCode: kase.caseCode,
    collectorId: collector.id,
    collectorUserId: collector.userId,
    previousCollectorId: change.previousCollectorId,
    teamId: collector.teamId ?? null,
    agencyId: collector.agencyId,
    assignedAt,
    assignedBy: ctx.caller?.userId ?? null,
  };
  const debtorName = maskName(kase.userName);
  const live: CaseAssignedData = {
    caseId: kase.id,
    caseCode: kase.caseCode,
    debtorName,
    overdueDays: kase.overdueDays,
    assignedAt,
    assignedBy: ctx.caller?.username ?? null,
  };
  recordDomainEvent(ctx, {
    source: 'collections',
    topic: CASE_ASSIGNED,
    payload,
    tenantId: kase.tenantId,
    action: change.kind === 'transfer' ? 'transfer' : 'assign',
    resourceType: 'case',
    resourceId: kase.id,
    before: { collectorId: change.previousCollectorId },
    after: { collectorId: collector.id, reason: change.reason },
    summary: `${change.kind === 'transfer' ? '转移' : '分配'}案件 ${kase.caseCode} 给 ${collector.collectorName}`,
    notify: {
      recipients: { userIds: [collector.userId] },
      template: CASE_ASSIGNED,
      params: { case_id: kase.id, case_code: kase.caseCode, debtor_name: debtorName, overdue_days: kase.overdueDays },
      live: { kind: 'caseAssigned', data: { ...live } },
    },
  });
}

/** `case.assigned` payload for a batch: one per collector, summarising what auto-assign gave them. */
export interface CasesAutoAssignedPayload {
  kind: 'auto';
  strategy: string;
  collectorId: number;
  collectorUserId: string;
  teamId: number;
  queueId: number;
  caseCount: number;
  /** The lowest and highest case id given (the history rows of this run list them all). */
  firstCaseId: number;
  lastCaseId: number;
  assignedAt: string;
  assignedBy: string | null;
}

/**
 * Auto-assign tells each collector once, whatever the number of cases: one `case.assigned` with the count, and a
 * notice through the `case.assigned` template naming the first case and the count ("案件 CASE_001 等 120 件（李*红，
 * 逾期15天）已分配给您"), without a live per-case event.
 */
export function recordCasesAutoAssigned(
  ctx: CollectionsContext,
  collector: Collector,
  first: Pick<CollectionCase, 'id' | 'caseCode' | 'userName' | 'overdueDays'>,
  batch: Omit<CasesAutoAssignedPayload, 'kind' | 'collectorId' | 'collectorUserId' | 'teamId' | 'assignedBy'> & { teamId: number },
): void {
  const payload: CasesAutoAssignedPayload = {
    kind: 'auto',
    ...batch,
    collectorId: collector.id,
    collectorUserId: collector.userId,
    assignedBy: ctx.caller?.userId ?? null,
  };
  recordDomainEvent(ctx, {
    source: 'collections',
    topic: CASE_ASSIGNED,
    payload,
    tenantId: collector.tenantId,
    action: 'auto_assign',
    resourceType: 'collector',
    resourceId: collector.id,
    after: { caseCount: batch.caseCount, strategy: batch.strategy, queueId: batch.queueId },
    summary: `自动分案（${batch.strategy}）${batch.caseCount} 个案件给 ${collector.collectorName}`,
    notify: {
      recipients: { userIds: [collector.userId] },
      template: CASE_ASSIGNED,
      params: {
        case_id: first.id,
        case_code: batch.caseCount > 1 ? `${first.caseCode} 等 ${batch.caseCount} 件` : first.caseCode,
        debtor_name: maskName(first.userName),
        overdue_days: first.overdueDays,
      },
    },
  });
}
