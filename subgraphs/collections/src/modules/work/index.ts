import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { CommunicationPage } from './services/communication.service';
import { CommunicationResolver, communicationRules } from './resolvers/communication.resolver';
import { PaymentLinkResolver, paymentLinkRules } from './resolvers/payment-link.resolver';
import { PtpResolver, ptpRules } from './resolvers/ptp.resolver';
import { PtpListPage, PtpSummary } from './resolvers/ptp-list.types';
import { RepaymentHistory } from './resolvers/repayment-history.types';
import { RepaymentResolver, RepaymentResult, repaymentRules } from './resolvers/repayment.resolver';

export { applyRepayment, type ApplyRepaymentInput, type RepaymentOutcome } from './services/apply-repayment';
export { inspectionResult } from './services/quality.service';
export { runPtpCheck, type PtpCheckResult } from './services/ptp-check';
export { signCallback } from './payments/callback-signature';
export { CALLBACK_HEADERS, type PaymentCallbackBody } from './payments/payment-gateway';

/** The work on cases: communications, promises to pay, repayments, quality inspection. */
export const workModule: CollectionsModule = {
  resolvers: [CommunicationResolver, PtpResolver, RepaymentResolver, PaymentLinkResolver],
  orphanedTypes: [CommunicationPage, RepaymentResult, PtpListPage, PtpSummary, RepaymentHistory],
  permissions: {
    Query: { ...communicationRules.Query, ...ptpRules.Query, ...repaymentRules.Query },
    Mutation: { ...communicationRules.Mutation, ...ptpRules.Mutation, ...repaymentRules.Mutation, ...paymentLinkRules.Mutation },
    // The root fields decide who reaches them.
    Communication: isAuthenticated,
    CommunicationPage: isAuthenticated,
    Ptp: isAuthenticated,
    Repayment: isAuthenticated,
    RepaymentResult: isAuthenticated,
    RepaymentHistory: isAuthenticated,
    PtpListPage: isAuthenticated,
    PtpSummary: isAuthenticated,
    PaymentLink: isAuthenticated,
    QualityInspection: isAuthenticated,
  },
};
