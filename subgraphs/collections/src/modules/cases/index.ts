import { isAuthenticated, loaderReference } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { caseInScopeById } from './loaders/case-by-id.loader';
import { CaseFieldsResolver } from './resolvers/case-fields.resolver';
import { CaseResolver, caseRules } from './resolvers/case.resolver';

/** Cases: list, search, detail with masked personal data, import, assignment, transfer, status (CCO admin § 8). */
export const casesModule: CollectionsModule = {
  resolvers: [CaseResolver, CaseFieldsResolver],
  references: { Case: loaderReference(caseInScopeById) },
  permissions: {
    ...caseRules,
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
