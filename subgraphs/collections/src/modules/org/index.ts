import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { UserStub } from './entities/user.stub';
import { AgencyResolver, agencyRules } from './resolvers/agency.resolver';

/** Agencies, team groups, teams, collectors' work profiles, working hours; the callers' data scope. */
export const orgModule: CollectionsModule = {
  resolvers: [AgencyResolver],
  orphanedTypes: [UserStub],
  permissions: {
    Query: { ...agencyRules },
    Agency: isAuthenticated,
    User: isAuthenticated,
  },
};
