import { groupLoader } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CaseAssignment } from '../../cases/entities/case-assignment.entity';
import { CaseContact } from '../../cases/entities/case-contact.entity';
import { Repayment } from '../../work/entities/repayment.entity';

/** A case's phone contacts (its detail's emergency contacts), in the order the tenant gave them. */
export const contactsByCase = (ctx: CollectionsContext) =>
  ctx.loaders.get('app.contactsByCase', () => groupLoader<CaseContact, number>(ctx.em, CaseContact, 'caseId', { id: 'asc' }));

/** A case's repayments, newest first (the detail's repayment_history). */
export const repaymentsByCase = (ctx: CollectionsContext) =>
  ctx.loaders.get('app.repaymentsByCase', () => groupLoader<Repayment, number>(ctx.em, Repayment, 'caseId', { repaymentDate: 'desc', id: 'desc' }));

/** A case's assignment steps, oldest first (the detail's assignment_history). */
export const assignmentsByCase = (ctx: CollectionsContext) =>
  ctx.loaders.get('app.assignmentsByCase', () => groupLoader<CaseAssignment, number>(ctx.em, CaseAssignment, 'caseId', { assignedAt: 'asc', id: 'asc' }));
