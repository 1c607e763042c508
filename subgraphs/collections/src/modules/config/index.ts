import { can } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { tenantZoneConsumer } from './consumers/tenant-zone.consumer';
import { SettingsResolver, settingsRules } from './resolvers/settings.resolver';

/** Tenant system configuration (CCO admin § 13.1/13.2); `tenantSetting` is what the other modules read. */
export const configModule: CollectionsModule = {
  resolvers: [SettingsResolver],
  permissions: {
    ...settingsRules,
    CollectionsSettings: can('system_config:view'),
  },
  consumers: [tenantZoneConsumer],
};
