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
    'Subscription.notificationReceived': { query: RECEIVED, allow: signedIn },
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
