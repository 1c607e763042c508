import type { RbacCase } from '@platform/testkit';
import { CONSOLE } from './roles';

/** Case assignment (CCO admin § 8.4–8.6): every console role down to the team leader; collectors and others never. */
export const assignmentCases: Record<string, RbacCase> = {
  'Mutation.assignCase': { query: 'mutation { assignCase(caseId: "999", input: { collectorId: "999" }) { caseId } }', allow: CONSOLE },
  'Mutation.transferCase': {
    query: 'mutation { transferCase(caseId: "999", input: { fromCollectorId: "998", toCollectorId: "999" }) { caseId } }',
    allow: CONSOLE,
  },
  'Mutation.autoAssignCases': {
    query: 'mutation { autoAssignCases(input: { teamId: "999", queueId: "999", strategy: "balanced" }) { totalCases } }',
    allow: CONSOLE,
  },
  'Query.caseAssignments': { query: '{ caseAssignments(caseId: "999") { total } }', allow: CONSOLE },
};
