import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { CommunicationPage } from './services/communication.service';
import { CommunicationResolver, communicationRules } from './resolvers/communication.resolver';
import { PtpResolver, ptpRules } from './resolvers/ptp.resolver';
import { RepaymentResolver, RepaymentResult, repaymentRules } from './resolvers/repayment.resolver';

export { applyRepayment, type ApplyRepaymentInput, type RepaymentOutcome } from './services/apply-repayment';
export { inspectionResult } from './services/quality.service';

/** The work on cases: communications, promises to pay, repayments, quality inspection. */
export const workModule: CollectionsModule = {
  resolvers: [CommunicationResolver, PtpResolver, RepaymentResolver],
  orphanedTypes: [CommunicationPage, RepaymentResult],
  permissions: {
    Query: { ...communicationRules.Query, ...ptpRules.Query, ...repaymentRules.Query },
    Mutation: { ...communicationRules.Mutation, ...ptpRules.Mutation, ...repaymentRules.Mutation },
    // The root fields decide who reaches them.
    Communication: isAuthenticated,
    CommunicationPage: isAuthenticated,
    Ptp: isAuthenticated,
    Repayment: isAuthenticated,
    RepaymentResult: isAuthenticated,
    QualityInspection: isAuthenticated,
  },
};
