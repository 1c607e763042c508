import { isAuthenticated, loaderReference } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { assignmentParts } from './assignment.parts';
import { caseInScopeById } from './loaders/case-by-id.loader';
import { CaseFieldsResolver } from './resolvers/case-fields.resolver';
import { CaseResolver, caseRules } from './resolvers/case.resolver';

/** Cases: list, search, detail with masked personal data, import, assignment, transfer, status (CCO admin § 8). */
export const casesModule: CollectionsModule = {
  resolvers: [CaseResolver, CaseFieldsResolver, ...assignmentParts.resolvers],
  orphanedTypes: [...assignmentParts.orphanedTypes],
  references: { Case: loaderReference(caseInScopeById) },
  permissions: {
    Query: { ...caseRules.Query, ...assignmentParts.permissions.Query },
    Mutation: { ...caseRules.Mutation, ...assignmentParts.permissions.Mutation },
    ...Object.fromEntries(Object.entries(assignmentParts.permissions).filter(([type]) => type !== 'Query' && type !== 'Mutation')),
    // Reached only through the guarded fields above, which scope every case they answer.
    Case: isAuthenticated,
    CasePage: isAuthenticated,
    CaseCommunicationRecord: isAuthenticated,
    CasePtpRecord: isAuthenticated,
    CaseImportResult: isAuthenticated,
    CaseImportRowError: isAuthenticated,
    CaseStatusChange: isAuthenticated,
  },
};
