import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { FeedbackDevice } from './entities/app-feedback.entity';
import { AppFeedbackPage, FeedbackResolver, feedbackRules } from './resolvers/feedback.resolver';

/** Feedback from the collector app (CCO app § 12.2): collectors send it, the tenant's admins read it. */
export const feedbackModule: CollectionsModule = {
  resolvers: [FeedbackResolver],
  orphanedTypes: [AppFeedbackPage],
  permissions: {
    ...feedbackRules,
    AppFeedback: isAuthenticated,
    AppFeedbackPage: isAuthenticated,
    [FeedbackDevice.name]: isAuthenticated,
  },
};
