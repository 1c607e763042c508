import { mergePermissions, type CollectionsModule } from '../module';
import { PartnerConfigResolver, partnerConfigRules } from './resolvers/partner-config.resolver';
import { PartnerResolver, partnerRules } from './resolvers/partner.resolver';

const pushes = { resolvers: [PartnerResolver], permissions: partnerRules };
const configuration = { resolvers: [PartnerConfigResolver], permissions: partnerConfigRules };

/** Partner (甲方) pushes (partner §§ 2, 5) and configuration (§ 7): signed by the tenant's API key, verified by identity. */
export const partnerModule: CollectionsModule = {
  resolvers: [...pushes.resolvers, ...configuration.resolvers],
  permissions: mergePermissions([pushes, configuration]),
};
