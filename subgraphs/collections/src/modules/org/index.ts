import { isAuthenticated, loaderReference, type IRule } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { UserStub } from './entities/user.stub';
import { orgLoaders } from './loaders/org.loaders';
import { AgencyFieldsResolver } from './resolvers/agency-fields.resolver';
import { AgencyResolver, agencyRules } from './resolvers/agency.resolver';
import { CollectorFieldsResolver } from './resolvers/collector-fields.resolver';
import { CollectorResolver, collectorRules } from './resolvers/collector.resolver';
import { TeamFieldsResolver } from './resolvers/team-fields.resolver';
import { TeamGroupFieldsResolver } from './resolvers/team-group-fields.resolver';
import { TeamGroupResolver, teamGroupRules } from './resolvers/team-group.resolver';
import { TeamResolver, teamRules } from './resolvers/team.resolver';
import { MyCollectorProfileResolver, myCollectorProfileRules } from './resolvers/my-collector-profile.resolver';
import { UserProfileResolver, userReference } from './resolvers/user-profile.resolver';
import { WorkingHoursResolver, workingHoursRules } from './resolvers/working-hours.resolver';
import { collectorNameConsumer } from './services/collector-name.consumer';

const rules: { Query: Record<string, IRule>; Mutation: Record<string, IRule> }[] = [agencyRules, teamGroupRules, teamRules, collectorRules, workingHoursRules, myCollectorProfileRules];

/** Agencies, team groups, teams, collectors' work profiles, working hours; the callers' data scope. */
export const orgModule: CollectionsModule = {
  resolvers: [
    AgencyResolver,
    AgencyFieldsResolver,
    TeamGroupResolver,
    TeamGroupFieldsResolver,
    TeamResolver,
    TeamFieldsResolver,
    CollectorResolver,
    CollectorFieldsResolver,
    UserProfileResolver,
    MyCollectorProfileResolver,
    WorkingHoursResolver,
  ],
  orphanedTypes: [UserStub],
  references: {
    User: userReference,
    // Other subgraphs name these by key; read in the caller's tenant like every other read.
    Agency: loaderReference(orgLoaders.agencyById),
    TeamGroup: loaderReference(orgLoaders.teamGroupById),
    Team: loaderReference(orgLoaders.teamById),
    Collector: loaderReference(orgLoaders.collectorById),
  },
  permissions: {
    Query: Object.fromEntries(rules.flatMap((r) => Object.entries(r.Query))),
    Mutation: Object.fromEntries(rules.flatMap((r) => Object.entries(r.Mutation))),
    // Output types are reached only through guarded root fields (or an entity fetch, which the type rule guards).
    Agency: isAuthenticated,
    TeamGroup: isAuthenticated,
    Team: isAuthenticated,
    Collector: isAuthenticated,
    User: isAuthenticated,
    TeamStatistics: isAuthenticated,
    CollectorResults: isAuthenticated,
    CollectorDay: isAuthenticated,
    WorkingDay: isAuthenticated,
    AgencyPage: isAuthenticated,
    TeamGroupPage: isAuthenticated,
    TeamPage: isAuthenticated,
    CollectorPage: isAuthenticated,
  },
  consumers: [collectorNameConsumer],
};
