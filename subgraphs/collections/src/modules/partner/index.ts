import type { CollectionsModule } from '../module';
import { PartnerResolver, partnerRules } from './resolvers/partner.resolver';

/** Partner (甲方) pushes (partner §§ 2, 5, 7): signed by the tenant's API key, verified by identity. */
export const partnerModule: CollectionsModule = {
  resolvers: [PartnerResolver],
  permissions: partnerRules,
};
