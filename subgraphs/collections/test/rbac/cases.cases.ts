import type { RbacCase } from '@platform/testkit';
import { ADMINS, CONSOLE } from './roles';

/** The cases module's operations (CCO admin § 8.1–8.3, 8.7, 8.8). */
export const casesCases: Record<string, RbacCase> = {
  'Query.cases': { query: '{ cases { total } }', allow: CONSOLE },
  'Query.case': { query: '{ case(id: "999") { id } }', allow: CONSOLE },
  // Only admins hold cases:import (`*`); naming no rows is refused after the rule passes.
  'Mutation.importCases': { query: 'mutation { importCases(input: { cases: [] }) { total } }', allow: ADMINS },
  // cases:update: agency admins and above.
  'Mutation.updateCaseStatus': {
    query: 'mutation { updateCaseStatus(id: "999", input: { caseStatus: "closed" }) { newStatus } }',
    allow: [...ADMINS, 'AgencyAdmin'],
  },
};
