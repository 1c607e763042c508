import type { RbacCase } from '@platform/testkit';
import { ADMINS, CONSOLE } from './roles';

/** Who works cases: the console (cases:view) and collectors; reviewers (cases:update) inspect. */
const WORKERS = [...CONSOLE, 'collector'];

export const workCases: Record<string, RbacCase> = {
  'Query.caseCommunications': { query: '{ caseCommunications(caseId: "999") { total } }', allow: WORKERS },
  'Query.casePtps': { query: '{ casePtps(caseId: "999") { id } }', allow: WORKERS },
  'Query.caseRepayments': { query: '{ caseRepayments(caseId: "999") { id } }', allow: WORKERS },
  'Mutation.recordCommunication': {
    query: 'mutation { recordCommunication(input: { caseId: "999", contactMethod: "phone", contactResult: "接通" }) { id } }',
    allow: WORKERS,
  },
  'Mutation.createPtp': {
    query: 'mutation { createPtp(input: { caseId: "999", promiseDate: "2999-01-01", promiseAmount: "1.00" }) { id } }',
    allow: WORKERS,
  },
  'Mutation.updatePtpStatus': { query: 'mutation { updatePtpStatus(ptpId: "999", status: "broken") { id } }', allow: WORKERS },
  'Mutation.recordRepayment': { query: 'mutation { recordRepayment(input: { caseId: "999", amount: "1.00" }) { duplicate } }', allow: WORKERS },
  'Query.myPtps': { query: '{ myPtps { total } }', allow: WORKERS },
  'Query.duePtps': { query: '{ duePtps(days: 3) { total } }', allow: WORKERS },
  'Query.caseRepaymentHistory': { query: '{ caseRepaymentHistory(caseId: "999") { total } }', allow: WORKERS },
  'Mutation.createPaymentLink': { query: 'mutation { createPaymentLink(caseId: "999", amount: "1.00") { id } }', allow: WORKERS },
  'Mutation.reportOfflineRepayment': { query: 'mutation { reportOfflineRepayment(input: { caseId: "999", amount: "1.00" }) { id } }', allow: WORKERS },
  // Confirming an offline repayment is the back office's review (cases:update), as inspecting is.
  'Mutation.confirmRepayment': { query: 'mutation { confirmRepayment(repaymentId: "999") { duplicate } }', allow: [...ADMINS, 'AgencyAdmin'] },
  'Mutation.inspectCommunication': {
    query: 'mutation { inspectCommunication(communicationId: "999", score: 80) { id } }',
    allow: [...ADMINS, 'AgencyAdmin'],
  },
};
