import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { CaseAssignment } from '../../cases/entities/case-assignment.entity';
import { CaseContact } from '../../cases/entities/case-contact.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { Repayment } from '../../work/entities/repayment.entity';
import { assignmentsByCase, contactsByCase, repaymentsByCase } from '../loaders/case-history.loader';
import { contactCountsByCase } from '../loaders/contact-counts-by-case.loader';
import { latestCommunicationByCase, latestPtpByCase } from '../loaders/latest-by-case.loader';
import { CaseContactSummary } from './my-cases.types';

/** What the collector app shows of a case beyond the admin console's fields; each relation through a per-request loader. */
@Resolver(() => CollectionCase)
export class CaseAppFieldsResolver {
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

  @FieldResolver(() => [Repayment], { description: 'Newest first.' })
  repaymentHistory(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<Repayment[]> {
    return repaymentsByCase(ctx).load(c.id);
  }

  @FieldResolver(() => [CaseAssignment], { description: 'Oldest first.' })
  assignmentHistory(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<CaseAssignment[]> {
    return assignmentsByCase(ctx).load(c.id);
  }
}
