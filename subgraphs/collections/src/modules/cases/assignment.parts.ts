import { isAuthenticated } from '@platform/kit';
import { AssignmentResolver, assignmentRules } from './resolvers/assignment.resolver';
import { AutoAssignResolver, autoAssignRules } from './resolvers/auto-assign.resolver';
import { TenantStub } from '../org/entities/tenant.stub';

/**
 * Case assignment (CCO admin § 8.4–8.6): manual assignment, auto-assign, transfer and the history. The cases module
 * composes these parts with its own.
 */
export const assignmentParts = {
  resolvers: [AssignmentResolver, AutoAssignResolver],
  orphanedTypes: [TenantStub],
  permissions: {
    Query: { ...assignmentRules.Query },
    Mutation: { ...assignmentRules.Mutation, ...autoAssignRules.Mutation },
    CaseAssignmentResult: isAuthenticated,
    AutoAssignResult: isAuthenticated,
    AutoAssignShare: isAuthenticated,
    CaseAssignment: isAuthenticated,
    CaseAssignmentPage: isAuthenticated,
    Tenant: isAuthenticated,
  },
};
