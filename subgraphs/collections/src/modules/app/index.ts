import { can, isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { CaseAppFieldsResolver } from './resolvers/case-app-fields.resolver';
import { MyCasesResolver, myCasesRules } from './resolvers/my-cases.resolver';
import { OutreachResolver, outreachRules } from './resolvers/outreach.resolver';
import { CaseAssignmentNamesResolver, CaseContactFieldsResolver, CommunicationAppFieldsResolver, PtpCollectorNameResolver } from './resolvers/record-fields.resolver';

/**
 * The collector app (CCO app § 3, § 4): my cases with the app's filters, quick filters and summary, the case detail's
 * records, communications, calls and messages through the contact providers, and the changes feed for its offline cache.
 */
export const appModule: CollectionsModule = {
  resolvers: [MyCasesResolver, OutreachResolver, CaseAppFieldsResolver, CommunicationAppFieldsResolver, CaseContactFieldsResolver, CaseAssignmentNamesResolver, PtpCollectorNameResolver],
  permissions: {
    Query: { ...myCasesRules.Query, ...outreachRules.Query },
    Mutation: outreachRules.Mutation,
    // Reached only through the guarded fields above (and the cases module's), which scope every case they answer.
    MyCasePage: isAuthenticated,
    MyCaseSummary: isAuthenticated,
    QuickFilterCount: isAuthenticated,
    CaseContactSummary: isAuthenticated,
    CaseEmployment: isAuthenticated,
    CaseChange: isAuthenticated,
    CaseChangePage: isAuthenticated,
    CallResult: isAuthenticated,
    MessageResult: isAuthenticated,
    CaseContact: isAuthenticated,
    ContactDispatch: can('tenants:update'),
  },
};
