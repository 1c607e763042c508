import type { RbacCase } from '@platform/testkit';
import { ADMINS } from './roles';

/** The config module's operations (CCO admin § 13): agency admins read (system_config:view), tenant admins update. */
export const configCases: Record<string, RbacCase> = {
  'Query.collectionsSettings': { query: '{ collectionsSettings(tenantId: "1") { penaltyCapRate } }', allow: [...ADMINS, 'AgencyAdmin'] },
  'Mutation.updateCollectionsSettings': { query: 'mutation { updateCollectionsSettings(tenantId: "1", input: {}) { tenantId } }', allow: ADMINS },
};
