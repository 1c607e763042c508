import { allow, isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { AppVersionCheckView, MyWorkingHoursView, PhoneValidation, RepaymentQuote } from './resolvers/tools.types';
import { ToolsResolver, toolsRules } from './resolvers/tools.resolver';

/** The collector app's tools (calculator, working hours, phone check; CCO app § 11) and version check (§ 12.1). */
export const toolsModule: CollectionsModule = {
  resolvers: [ToolsResolver],
  orphanedTypes: [RepaymentQuote, PhoneValidation, MyWorkingHoursView, AppVersionCheckView],
  permissions: {
    ...toolsRules,
    RepaymentQuote: isAuthenticated,
    PhoneValidation: isAuthenticated,
    MyWorkingHoursView: isAuthenticated,
    AppVersionCheckView: allow,
  },
};
