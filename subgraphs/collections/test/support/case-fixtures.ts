import { randomUUID } from 'node:crypto';
import { Decimal } from '@platform/kit';
import { CollectionCase, type Collector } from '@platform/collections';
import type { CollectionsClient } from './harness';

export interface CaseSpec {
  tenantId?: number;
  collector?: Collector | null;
  queueId?: number | null;
  agencyId?: number | null;
  teamId?: number | null;
  outstanding?: string;
  principal?: string;
  interest?: string;
  penalty?: string;
  overdueDays?: number;
  status?: CollectionCase['caseStatus'];
}

/** A case written straight into collections' table, placed with its collector (or where `spec` says). */
export async function makeCase(client: CollectionsClient, spec: CaseSpec = {}): Promise<CollectionCase> {
  const em = client.em(null);
  const c = spec.collector ?? null;
  const outstanding = new Decimal(spec.outstanding ?? '5000.00');
  const row = em.create(CollectionCase, {
    tenantId: spec.tenantId ?? c?.tenantId ?? 1,
    caseCode: `CASE_${randomUUID().slice(0, 8)}`,
    customerId: 'USER_001',
    userName: '陈大明',
    mobile: '+63-917-111-1111',
    loanAmount: new Decimal('10000.00'),
    dueDate: '2025-10-01',
    outstandingAmount: outstanding,
    outstandingPrincipal: spec.principal ? new Decimal(spec.principal) : null,
    outstandingInterest: spec.interest ? new Decimal(spec.interest) : null,
    outstandingPenalty: spec.penalty ? new Decimal(spec.penalty) : null,
    overdueDays: spec.overdueDays ?? 15,
    caseStatus: spec.status ?? 'pending_repayment',
    queueId: spec.queueId ?? null,
    agencyId: spec.agencyId ?? c?.agencyId ?? null,
    teamGroupId: c?.teamGroupId ?? null,
    teamId: spec.teamId ?? c?.teamId ?? null,
    collectorId: c?.id ?? null,
    assignedAt: c ? new Date() : null,
  });
  await em.flush();
  return row;
}
