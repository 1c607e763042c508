import { Decimal, DecimalScalar } from '@platform/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { CaseAssignment } from '../../cases/entities/case-assignment.entity';
import { CaseContact } from '../../cases/entities/case-contact.entity';
import { communicationsByCase, ptpsByCase } from '../../cases/loaders/case-records.loader';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { Repayment } from '../../work/entities/repayment.entity';
import { assignmentsByCase, contactsByCase, repaymentsByCase } from '../loaders/case-history.loader';
import { contactCountsByCase } from '../loaders/contact-counts-by-case.loader';
import { latestCommunicationByCase, latestPtpByCase } from '../loaders/latest-by-case.loader';
import { CaseContactSummary, CaseEmployment } from './my-cases.types';

/** What the collector app shows of a case beyond the admin console's fields; each relation through a per-request loader. */
@Resolver(() => CollectionCase)
export class CaseAppFieldsResolver {
  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'The penalty added per overdue day.' })
  dailyPenalty(@Root() c: CollectionCase) {
    return c.dailyPenalty ?? null;
  }

  @FieldResolver(() => CaseEmployment)
  employment(@Root() c: CollectionCase): CaseEmployment {
    const custom = c.customFields;
    const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
    const income = text(custom.monthly_income);
    return {
      employer: text(custom.employer),
      position: text(custom.position),
      monthlyIncome: income !== null && /^\d+(\.\d{1,2})?$/.test(income) ? new Decimal(income) : null,
    };
  }

  @FieldResolver(() => CaseContactSummary)
  async contactSummary(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<CaseContactSummary> {
    const [latest, counts] = await Promise.all([latestCommunicationByCase(ctx).load(c.id), contactCountsByCase(ctx).load(c.id)]);
    return {
      lastContactAt: c.lastContactAt ?? null,
      lastContactResult: latest?.contactResult ?? null,
      nextFollowUpAt: latest?.nextFollowUpAt ?? null,
      totalContactCount: counts.total,
      effectiveContactCount: counts.effective,
    };
  }

  @FieldResolver(() => Ptp, { nullable: true, description: 'The newest promise to pay, whatever its status.' })
  latestPtp(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<Ptp | null> {
    return latestPtpByCase(ctx).load(c.id);
  }

  @FieldResolver(() => [CaseContact], { description: 'The case’s phone contacts (its own numbers and emergency contacts), numbers masked.' })
  contacts(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<CaseContact[]> {
    return contactsByCase(ctx).load(c.id);
  }

  @FieldResolver(() => [Communication], { description: 'The latest 20 communications, newest first (all of them: myCaseCommunications).' })
  async communicationHistory(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<Communication[]> {
    return (await communicationsByCase(ctx).load(c.id)).slice(0, 20);
  }

  @FieldResolver(() => [Ptp], { description: 'Every promise to pay, newest first.' })
  ptpRecords(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<Ptp[]> {
    return ptpsByCase(ctx).load(c.id);
  }

  @FieldResolver(() => [Repayment], { description: 'Newest first.' })
  repaymentHistory(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<Repayment[]> {
    return repaymentsByCase(ctx).load(c.id);
  }

  @FieldResolver(() => [CaseAssignment], { description: 'Oldest first.' })
  assignmentHistory(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<CaseAssignment[]> {
    return assignmentsByCase(ctx).load(c.id);
  }
}
