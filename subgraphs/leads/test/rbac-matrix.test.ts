import { authHeaders, baseRoleCallers, rbacMatrix } from '@platform/testkit';
import { leads } from '@platform/leads';
import { LeadsClient, TENANT } from './support/harness';

const roles = baseRoleCallers(TENANT, {
  SuperAdmin: '1',
  TenantAdmin: '2',
  admin: '3',
  user: '14',
  sales: '12',
  service: '11',
  collector: '15',
});
/** Every member of a tenant; the platform super admin has no tenant and so no leads. */
const members = ['TenantAdmin', 'admin', 'user', 'sales', 'service', 'collector'];
const admins = ['TenantAdmin', 'admin'];

let client: LeadsClient;
beforeAll(async () => {
  client = await LeadsClient.start();
});
afterAll(() => client.close());

// Rows that do not exist: allowed callers get NOT_FOUND or BAD_USER_INPUT, the operation's business, not a refusal.
rbacMatrix({
  title: 'leads RBAC matrix',
  schema: () => client.runtime.schema,
  rules: leads.permissions,
  roles,
  context: (caller) => client.runtime.createContext(authHeaders(client.runtime.signer, caller)),
  cases: {
    'Query.leads': { query: '{ leads { total } }', allow: members },
    'Query.lead': { query: '{ lead(id: "999") { id } }', allow: members },
    'Query.followUps': { query: '{ followUps(leadId: "999") { total } }', allow: members },
    'Query.remindConfigs': { query: '{ remindConfigs { id } }', allow: members },
    'Query.remindRecipients': { query: '{ remindRecipients { id } }', allow: members },
    'Query.leadsOverview': { query: '{ leadsOverview { totalLeads } }', allow: members },
    'Query.leadsSettings': { query: '{ leadsSettings { timeZone } }', allow: members },
    'Mutation.createLead': {
      query: 'mutation { createLead(input: { customerNickname: "x", intentionLevel: "高", followerId: "999", followUpContent: "x" }) { lead { id } } }',
      allow: members,
    },
    'Mutation.updateLead': { query: 'mutation { updateLead(id: "999", input: {}) { lead { id } } }', allow: members },
    'Mutation.deleteLead': { query: 'mutation { deleteLead(id: "999") { id } }', allow: members },
    'Mutation.addFollowUp': { query: 'mutation { addFollowUp(input: { leadId: "999", content: "x" }) { id } }', allow: members },
    'Mutation.updateRemindConfig': { query: 'mutation { updateRemindConfig(level: "x", intervalDays: 1) { id } }', allow: admins },
    'Mutation.addRemindRecipient': { query: 'mutation { addRemindRecipient(email: "bad") { id } }', allow: admins },
    'Mutation.deleteRemindRecipient': { query: 'mutation { deleteRemindRecipient(id: "999") }', allow: admins },
    'Mutation.triggerReminderCheck': { query: 'mutation { triggerReminderCheck { overdueCount } }', allow: admins },
    'Mutation.updateLeadsSettings': { query: 'mutation { updateLeadsSettings(timeZone: "Nowhere/Else") { timeZone } }', allow: admins },
    // The kit's dead letters of leads' consumers: the platform super admin's alone.
    'Query.leadsDeadLetters': { query: '{ leadsDeadLetters { total } }', allow: ['SuperAdmin'] },
    'Mutation.replayLeadsDeadLetter': { query: 'mutation { replayLeadsDeadLetter(id: "999") { id } }', allow: ['SuperAdmin'] },
  },
});
