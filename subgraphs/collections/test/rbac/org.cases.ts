import type { RbacCase } from '@platform/testkit';
import { ADMINS, CONSOLE, ORG_READERS } from './roles';

const AGENCY_ADMINS = [...ADMINS, 'AgencyAdmin'];
const ID = { id: '999' };

/** The org module's operations (agencies, team groups, teams, collectors, working hours); ids name nothing. */
export const orgCases: Record<string, RbacCase> = {
  'Query.agency': { query: '{ agency(id: "999") { id } }', allow: ORG_READERS },
  'Query.agencies': { query: '{ agencies { total items { id teamCount collectorCount totalCases activeCases } } }', allow: ORG_READERS },
  'Mutation.createAgency': {
    query: 'mutation { createAgency(input: { tenantId: "1", agencyCode: "RBAC_A", agencyName: "A" }) { id } }',
    allow: ADMINS,
  },
  'Mutation.updateAgency': { query: 'mutation($id: ID!) { updateAgency(id: $id, input: { contactPerson: "x" }) { id } }', variables: () => ID, allow: AGENCY_ADMINS },
  'Mutation.deleteAgency': { query: 'mutation($id: ID!) { deleteAgency(id: $id) }', variables: () => ID, allow: ADMINS },

  'Query.teamGroup': { query: '{ teamGroup(id: "999") { id spv { id } teams { id } } }', allow: ORG_READERS },
  'Query.teamGroups': { query: '{ teamGroups { total items { id teamCount } } }', allow: ORG_READERS },
  'Mutation.createTeamGroup': {
    query: 'mutation { createTeamGroup(input: { agencyId: "999", groupCode: "RBAC_G", groupName: "G" }) { id } }',
    allow: AGENCY_ADMINS,
  },
  'Mutation.setTeamGroupSpv': { query: 'mutation { setTeamGroupSpv(groupId: "999", spvId: "999") { id } }', allow: AGENCY_ADMINS },

  'Query.team': { query: '{ team(id: "999") { id statistics { totalCases } } }', allow: CONSOLE },
  'Query.teams': { query: '{ teams { total items { id collectorCount currentCaseCount } } }', allow: CONSOLE },
  'Mutation.createTeam': {
    query: 'mutation { createTeam(input: { agencyId: "999", teamCode: "RBAC_T", teamName: "T" }) { id } }',
    allow: AGENCY_ADMINS,
  },
  'Mutation.setTeamLeader': { query: 'mutation { setTeamLeader(teamId: "999", teamLeaderId: "999") { id } }', allow: [...AGENCY_ADMINS, 'SPV'] },

  'Query.collector': { query: '{ collector(id: "999") { id currentCases } }', allow: CONSOLE },
  'Query.collectors': { query: '{ collectors { total items { id } } }', allow: CONSOLE },
  'Mutation.createCollector': {
    query:
      'mutation { createCollector(input: { agencyId: "999", collectorCode: "RBAC_C", collectorName: "C", loginId: "rbac_c", password: "123456" }) { id } }',
    allow: AGENCY_ADMINS,
  },
  'Mutation.updateCollector': { query: 'mutation($id: ID!) { updateCollector(id: $id, input: { collectorLevel: "x" }) { id } }', variables: () => ID, allow: AGENCY_ADMINS },
  'Mutation.resetCollectorPassword': { query: 'mutation($id: ID!) { resetCollectorPassword(id: $id, newPassword: "123456") }', variables: () => ID, allow: AGENCY_ADMINS },
  'Mutation.setCollectorStatus': { query: 'mutation($id: ID!) { setCollectorStatus(id: $id, isActive: false) { id } }', variables: () => ID, allow: AGENCY_ADMINS },

  'Query.agencyWorkingHours': { query: '{ agencyWorkingHours { dayOfWeek } }', allow: AGENCY_ADMINS },
  'Mutation.setAgencyWorkingHours': {
    query: 'mutation { setAgencyWorkingHours(agencyId: "999", days: [{ dayOfWeek: 1, startTime: "09:00", endTime: "18:00", isWorkingDay: true }]) { dayOfWeek } }',
    allow: AGENCY_ADMINS,
  },
};
