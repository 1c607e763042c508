import { authHeaders, baseRoleCallers, rbacMatrix } from '@platform/testkit';
import { activity } from '@platform/activity';
import { ActivityClient, asIterator, codeOf, RECEIVED, TENANT } from './support/harness';

const roles = baseRoleCallers(TENANT, {
  SuperAdmin: '1',
  TenantAdmin: '2',
  admin: '3',
  user: '11',
  sales: '12',
  service: '13',
  collector: '14',
});
const signedIn = Object.keys(roles).filter((role) => role !== 'anonymous');
// Tenant admins hold `*`; the platform super admin passes every permission rule.
const admins = ['SuperAdmin', 'TenantAdmin', 'admin'];
const TEMPLATE = `{ code: "CASE_TAG_CHANGE", name: "n", type: "case_tag_change", contentTemplate: "c", tenantId: "${TENANT}" }`;
const ANNOUNCEMENT = `{ title: "t", content: "c", effectiveStart: "2026-01-01 00:00:00", tenantId: "${TENANT}" }`;

let client: ActivityClient;
beforeAll(async () => {
  client = await ActivityClient.start();
});
afterAll(() => client.close());

rbacMatrix({
  title: 'activity RBAC matrix',
  schema: () => client.runtime.schema,
  rules: activity.permissions,
  roles,
  context: (caller) => client.runtime.createContext(authHeaders(client.signer, caller)),
  cases: {
    'Query.myNotifications': { query: '{ myNotifications { total } }', allow: signedIn },
    // No such notification: allowed callers get NOT_FOUND, which is the operation's business, not a refusal.
    'Query.notification': { query: '{ notification(id: "999") { id } }', allow: signedIn },
    'Mutation.sendNotification': {
      query: `mutation { sendNotification(input: { recipientId: "11", title: "t", body: "b", tenantId: "${TENANT}" }) { id } }`,
      allow: ['SuperAdmin', 'TenantAdmin', 'admin'],
    },
    'Mutation.markNotificationRead': { query: 'mutation { markNotificationRead(id: "999") { id } }', allow: signedIn },
    'Mutation.markNotificationsRead': { query: 'mutation { markNotificationsRead(ids: ["999"]) { id } }', allow: signedIn },
    'Mutation.pushNotification': {
      query: `mutation { pushNotification(input: { templateCode: "worklog.rated", userIds: ["11"], tenantId: "${TENANT}" }) { id } }`,
      allow: admins,
    },
    'Query.notificationTemplates': { query: '{ notificationTemplates { total items { code totalSent totalRead } } }', allow: admins },
    'Mutation.createNotificationTemplate': { query: `mutation { createNotificationTemplate(input: ${TEMPLATE}) { id } }`, allow: admins },
    'Query.publicNotifications': { query: '{ publicNotifications { total items { id read } } }', allow: admins },
    'Query.currentPublicNotifications': { query: '{ currentPublicNotifications { total items { id read } } }', allow: signedIn },
    'Mutation.createPublicNotification': { query: `mutation { createPublicNotification(input: ${ANNOUNCEMENT}) { id } }`, allow: admins },
    'Mutation.markPublicNotificationRead': { query: 'mutation { markPublicNotificationRead(id: "999") { id } }', allow: signedIn },
    'Query.auditLogs': { query: '{ auditLogs { total items { action resourceType } } }', allow: admins },
    'Subscription.notificationReceived': { query: RECEIVED, allow: signedIn },
    'Subscription.repaymentReceived': { query: 'subscription { repaymentReceived { caseId amount } }', allow: signedIn },
    'Subscription.caseAssigned': { query: 'subscription { caseAssigned { caseId debtorName } }', allow: signedIn },
    'Subscription.ptpDue': { query: 'subscription { ptpDue { ptpId dueInHours } }', allow: signedIn },
    // The kit's dead letters of activity's consumers: the platform super admin's alone.
    'Query.activityDeadLetters': { query: '{ activityDeadLetters { total } }', allow: ['SuperAdmin'] },
    'Mutation.replayActivityDeadLetter': { query: 'mutation { replayActivityDeadLetter(id: "999") { id } }', allow: ['SuperAdmin'] },
  },
});

// The matrix runs each operation with graphql(); a subscription is also refused or accepted at subscribe time.
describe('subscribing, per role', () => {
  test.each(Object.keys(roles))('%s', async (role) => {
    const result = await client.subscribe(roles[role as keyof typeof roles], RECEIVED);
    if (role === 'anonymous') {
      expect(Symbol.asyncIterator in result ? 'subscribed' : codeOf(result)).toBe('UNAUTHENTICATED');
    } else {
      await asIterator(result).return?.();
    }
  });
});

// An announcement to every tenant (platformWide) is the platform administrator's alone, tenant admins included out.
describe('a platform-wide announcement, per role', () => {
  const PLATFORM_WIDE = 'mutation { createPublicNotification(input: { title: "t", content: "c", effectiveStart: "2026-01-01 00:00:00", platformWide: true }) { id } }';
  test.each(Object.keys(roles))('%s', async (role) => {
    const result = await client.run(roles[role as keyof typeof roles], PLATFORM_WIDE);
    const expected = role === 'SuperAdmin' ? 'allowed' : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    expect(result.errors ? codeOf(result) : 'allowed').toBe(expected);
  });
});
