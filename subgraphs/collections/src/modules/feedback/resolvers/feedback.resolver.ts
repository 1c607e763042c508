import { can, PageType, type Paged } from '@platform/kit';
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { worksCases } from '../../work/resolvers/work.rules';
import { AppFeedback } from '../entities/app-feedback.entity';
import { listFeedback, submitFeedback } from '../services/feedback.service';
import { AppFeedbackArgs, SubmitFeedbackInput } from './feedback.inputs';

export const AppFeedbackPage = PageType(AppFeedback);

@Resolver(() => AppFeedback)
export class FeedbackResolver {
  @Mutation(() => AppFeedback, { description: 'Sends feedback from the collector app; the tenant’s admins read it (appFeedback).' })
  submitAppFeedback(@Arg('input', () => SubmitFeedbackInput) input: SubmitFeedbackInput, @Ctx() ctx: CollectionsContext): Promise<AppFeedback> {
    return submitFeedback(ctx, input);
  }

  @Query(() => AppFeedbackPage, { description: 'Feedback sent from the app, newest first, optionally of one type.' })
  appFeedback(@Args(() => AppFeedbackArgs) args: AppFeedbackArgs, @Ctx() ctx: CollectionsContext): Promise<Paged<AppFeedback>> {
    return listFeedback(ctx, args.feedbackType, args.window());
  }
}

export const feedbackRules = {
  Query: { appFeedback: can('app_feedback:view') },
  Mutation: { submitAppFeedback: worksCases },
};
