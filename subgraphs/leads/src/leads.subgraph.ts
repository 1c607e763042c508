import { join } from 'node:path';
import { defineSubgraph, foreignRefConsumer, USER_REFS, type RunningSubgraph, type SubgraphDeps } from '@platform/kit';
import { identityConsumer } from './consumers/identity.consumer';
import type { LeadsContext } from './leads.context';
import { leadsConfigSchema, type LeadsConfig } from './config';
import { LEADS_ENTITIES } from './entities';
import { UserStub } from './entities/user.stub';
import { permissions } from './permissions';
import { FollowUpResolver } from './resolvers/follow-up.resolver';
import { FollowUpFieldsResolver, LeadFieldsResolver } from './resolvers/lead-fields.resolver';
import { leadReference } from './resolvers/lead.reference';
import { LeadResolver } from './resolvers/lead.resolver';
import { ReminderResolver } from './resolvers/reminder.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { closeLeadsServices, leadsServices } from './services/leads.services';

/** Lead registration (002): leads, follow-ups, overdue reminders by e-mail, statistics. */
export const leads = defineSubgraph({
  name: 'leads',
  config: leadsConfigSchema,
  entities: LEADS_ENTITIES,
  resolvers: [LeadResolver, LeadFieldsResolver, FollowUpFieldsResolver, FollowUpResolver, ReminderResolver, StatisticsResolver],
  orphanedTypes: [UserStub],
  references: { Lead: leadReference },
  permissions,
  migrations: join(__dirname, 'migrations'),
  // Followers are checked against identity's users as identity announces them (checkForeignRef), and must hold the
  // sales role (known_user); each tenant's zone comes from identity too (leads_setting.tenant_zone).
  consumers: [foreignRefConsumer([USER_REFS]), identityConsumer],
  services: leadsServices,
  closeServices: closeLeadsServices,
});

export type LeadsRuntime = RunningSubgraph<LeadsConfig, LeadsContext['services'], LeadsContext>;
export type LeadsDeps = SubgraphDeps;
