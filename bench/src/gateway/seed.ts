import { graphql } from './graphql-client';

/** decisions.md's development account: tenant DEMO's admin, holding every permission of the tenant. */
const ADMIN = { login: 'admin', password: 'Admin123456' };

export interface Seeded {
  /** admin's access token, sent with every measured request. */
  token: string;
  users: number;
  notifications: number;
}

/**
 * Signs in as admin through the router and fills both pages: users in DEMO (identity's dev seed made the base
 * accounts) and notifications to admin himself, since myNotifications lists the caller's own.
 */
export async function seedThroughRouter(routerUrl: string, counts: { users: number; notifications: number }): Promise<Seeded> {
  const { login } = await graphql<{ login: { accessToken: string; user: { id: string } } }>(
    routerUrl,
    'mutation BenchLogin($input: LoginInput!) { login(input: $input) { accessToken user { id } } }',
    { variables: { input: ADMIN } },
  );
  const token = login.accessToken;
  for (let i = 1; i <= counts.users; i++) {
    const n = String(i).padStart(3, '0');
    await graphql(routerUrl, 'mutation BenchUser($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      token,
      variables: { input: { username: `bench_user_${n}`, password: `Bench-${n}-password`, fullName: `Bench User ${n}`, roleCode: 'user' } },
    });
  }
  for (let i = 1; i <= counts.notifications; i++) {
    await graphql(
      routerUrl,
      'mutation BenchNotify($input: SendNotificationInput!) { sendNotification(input: $input) { id } }',
      { token, variables: { input: { recipientId: login.user.id, title: `Bench notice ${i}`, body: 'Load test' } } },
    );
  }
  // The base accounts of DEMO (tenantadmin, admin) come on top of the created users.
  return { token, users: counts.users + 2, notifications: counts.notifications };
}
