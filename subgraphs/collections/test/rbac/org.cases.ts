import type { RbacCase } from '@platform/testkit';
import { ORG_READERS } from './roles';

/** The org module's operations (agencies, team groups, teams, collectors, working hours). */
export const orgCases: Record<string, RbacCase> = {
  'Query.agency': { query: '{ agency(id: "999") { id } }', allow: ORG_READERS },
};
