import { allow, type Caller, type IRules } from '@platform/kit';
import type { CountryCode } from 'libphonenumber-js/max';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { tenantSetting, SETTINGS } from '../../config/services/settings';
import { worksCases } from '../../work/resolvers/work.rules';
import { checkAppVersion } from '../services/app-version';
import { usesCollectorApp } from '../services/app-profile';
import { myWorkingHours } from '../services/my-working-hours';
import { checkPhone } from '../services/phone-check';
import { quoteRepayment } from '../services/repayment-calculator';
import { AppVersionArgs, AppVersionCheckView, MyWorkingHoursView, PhoneValidation, RepaymentQuote, RepaymentTermsInput, ValidatePhoneArgs } from './tools.types';

/** The documents' examples are in the Philippines. */
const DEFAULT_PHONE_COUNTRY = 'PH';

const capRate = (ctx: CollectionsContext, caller: Caller | null) =>
  caller?.tenantId ? tenantSetting(ctx.em, 'penalty_cap_rate', Number(caller.tenantId)) : Promise.resolve(SETTINGS.penalty_cap_rate.fallback);

/** The collector app's tools (CCO app § 11) and version check (§ 12.1). */
@Resolver()
export class ToolsResolver {
  @Query(() => RepaymentQuote, { description: 'Interest, penalty (capped by the tenant’s penalty_cap_rate) and total of a repayment.' })
  async calculateRepayment(@Arg('input', () => RepaymentTermsInput) input: RepaymentTermsInput, @Ctx() ctx: CollectionsContext): Promise<RepaymentQuote> {
    return quoteRepayment(input, await capRate(ctx, ctx.caller));
  }

  @Query(() => PhoneValidation, { description: 'Whether a phone number is valid, its country, type and formats; an invalid number is isValid false.' })
  validatePhone(@Args(() => ValidatePhoneArgs) args: ValidatePhoneArgs): PhoneValidation {
    return checkPhone(args.number, (args.defaultCountry ?? DEFAULT_PHONE_COUNTRY) as CountryCode);
  }

  @Query(() => MyWorkingHoursView, { description: 'The caller’s agency’s working hours and whether it is working time there now.' })
  myWorkingHours(@Ctx() ctx: CollectionsContext): Promise<MyWorkingHoursView> {
    return myWorkingHours(ctx);
  }

  @Query(() => AppVersionCheckView, { description: 'Whether an app at currentVersion should (hasUpdate) or must (isForceUpdate) update.' })
  appVersionCheck(@Args(() => AppVersionArgs) args: AppVersionArgs, @Ctx() ctx: CollectionsContext): AppVersionCheckView {
    return checkAppVersion(ctx.services.config, args.platform, args.currentVersion);
  }
}

export const toolsRules: IRules = {
  Query: {
    calculateRepayment: worksCases,
    validatePhone: worksCases,
    myWorkingHours: usesCollectorApp,
    // An app checks its version before anyone signs in; the answer is the same for everyone.
    appVersionCheck: allow,
  },
};
