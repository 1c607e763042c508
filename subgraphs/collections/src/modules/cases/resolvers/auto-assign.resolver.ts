import { can } from '@platform/kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { autoAssign } from '../services/auto-assign.service';
import { AutoAssignInput } from './assignment.inputs';
import { AutoAssignResult } from './assignment.types';

@Resolver()
export class AutoAssignResolver {
  @Mutation(() => AutoAssignResult, {
    description:
      'Assigns the queue’s unassigned open cases to the team’s active collectors, within their max_case_count. ' +
      'balanced: each case to the collector holding the fewest cases (ties: lower id), so counts end at most 1 apart where capacity allows. ' +
      'performance: shares proportional to what each collector collected last calendar month (repayments, in the team agency’s UTC offset), ' +
      'by largest remainder; a collector who collected nothing weighs half the smallest amount a teammate collected (all equal when nobody collected). ' +
      'specialty: collectors whose specialties name the queue (code or name) or a case’s loan product take those cases, balanced; the rest are balanced over everyone. ' +
      'Cases nobody has room for are `failed` and stay unassigned. Each collector gets one case.assigned event and notice for the run, not one per case.',
  })
  async autoAssignCases(@Arg('input', () => AutoAssignInput) input: AutoAssignInput, @Ctx() ctx: CollectionsContext): Promise<AutoAssignResult> {
    const outcome = await autoAssign(ctx, input);
    return {
      totalCases: outcome.totalCases,
      assigned: outcome.assigned,
      failed: outcome.failed,
      assignments: outcome.shares.map(({ collector, caseCount }) => ({
        collectorId: collector.id,
        collectorName: collector.collectorName,
        caseCount,
      })),
    };
  }
}

export const autoAssignRules = { Mutation: { autoAssignCases: can('cases:assign') } };
