import { can, notFound, pageWindow, PageArgs, PageType, parseId, toPage, type PageArgsType, type Paged } from '@platform/kit';
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { scoped, scopeOf } from '../../org/services/scope';
import { CaseAssignment } from '../entities/case-assignment.entity';
import { CollectionCase } from '../entities/collection-case.entity';
import { assignCase, transferCase, type AssignedCase } from '../services/assignment.service';
import { AssignCaseInput, TransferCaseInput } from './assignment.inputs';
import { CaseAssignmentResult } from './assignment.types';

export const CaseAssignmentPage = PageType(CaseAssignment);

@ArgsType()
class CaseAssignmentsArgs extends PageArgs({ size: 20, max: 100 }) {
  @Field(() => ID)
  caseId!: string;
}

const answer = ({ kase, collector }: AssignedCase): CaseAssignmentResult => ({
  caseId: kase.id,
  caseCode: kase.caseCode,
  collectorId: collector.id,
  collectorName: collector.collectorName,
  assignedAt: kase.assignedAt!,
  tenant: { id: String(kase.tenantId) },
});

@Resolver()
export class AssignmentResolver {
  @Mutation(() => CaseAssignmentResult, {
    description: 'Assigns a case to a collector (or reassigns it): history row, collectors’ counts, a notice to the collector.',
  })
  async assignCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => AssignCaseInput) input: AssignCaseInput,
    @Ctx() ctx: CollectionsContext,
  ): Promise<CaseAssignmentResult> {
    return answer(await assignCase(ctx, { caseId, ...input }));
  }

  @Mutation(() => CaseAssignmentResult, { description: 'Moves a case from its current collector to another; the history keeps both.' })
  async transferCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => TransferCaseInput) input: TransferCaseInput,
    @Ctx() ctx: CollectionsContext,
  ): Promise<CaseAssignmentResult> {
    return answer(await transferCase(ctx, { caseId, ...input }));
  }

  @Query(() => CaseAssignmentPage, { description: 'A case’s assignment history, oldest first; a case out of reach is NOT_FOUND.' })
  async caseAssignments(@Args(() => CaseAssignmentsArgs) args: CaseAssignmentsArgs, @Ctx() ctx: CollectionsContext): Promise<Paged<CaseAssignment>> {
    const id = parseId(args.caseId);
    const scope = await scopeOf(ctx);
    const kase = id === null ? null : await ctx.em.findOne(CollectionCase, scoped({ id }, scope), { fields: ['id'] });
    if (!kase) throw notFound('Case', args.caseId);
    const window = (args as PageArgsType).window();
    const [items, total] = await ctx.em.findAndCount(CaseAssignment, { caseId: kase.id }, {
      orderBy: [{ assignedAt: 'asc' }, { id: 'asc' }],
      ...pageWindow(window),
    });
    return toPage(items, total, window);
  }
}

export const assignmentRules = {
  Query: { caseAssignments: can('cases:view') },
  Mutation: { assignCase: can('cases:assign'), transferCase: can('cases:transfer') },
};
