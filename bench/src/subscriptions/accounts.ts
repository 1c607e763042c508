import { randomUUID } from 'node:crypto';
import { createTokenSigner, Secret } from '@platform/kit';
import { graphql } from '../gateway/graphql-client';

/** decisions.md's development account: tenant DEMO's admin; it creates the recipients and sends every notice. */
const ADMIN = { login: 'admin', password: 'Admin123456' };
const PASSWORD = 'Bench-subscriber-1';

export interface Recipient {
  id: string;
  token: string;
  /** A token the bench signed, for a user that is no account (mintRecipients); absent for signed-in accounts. */
  minted?: boolean;
}

const LOGIN = 'mutation BenchLogin($input: LoginInput!) { login(input: $input) { accessToken user { id } } }';
const CREATE = 'mutation BenchUser($input: CreateUserInput!) { createUser(input: $input) { id } }';

type LoginAnswer = { login: { accessToken: string; user: { id: string } } };

export async function signIn(routerUrl: string, login: string, password: string): Promise<Recipient> {
  const answer = await graphql<LoginAnswer>(routerUrl, LOGIN, { variables: { input: { login, password } } });
  return { id: answer.login.user.id, token: answer.login.accessToken };
}

export const signInAdmin = (routerUrl: string) => signIn(routerUrl, ADMIN.login, ADMIN.password);

/**
 * `count` users in DEMO, each created through the router and signed in with a session of its own (argon2 makes
 * both ~20 ms of CPU apiece, so they run `concurrency` at a time).
 */
export async function createRecipients(routerUrl: string, adminToken: string, count: number, concurrency: number): Promise<Recipient[]> {
  const names = Array.from({ length: count }, (_, i) => `bench_sub_${String(i + 1).padStart(5, '0')}`);
  await pool(names, concurrency, (username) =>
    retried(() =>
      graphql(routerUrl, CREATE, {
        token: adminToken,
        variables: { input: { username, password: PASSWORD, fullName: username, roleCode: 'user' } },
      }).catch((error: Error) => {
        // An attempt that timed out may have created the user: taken is done.
        if (!/CONFLICT/.test(error.message)) throw error;
      }),
    ),
  );
  return pool(names, concurrency, (username) => retried(() => signIn(routerUrl, username, PASSWORD)));
}

/**
 * A loaded machine answers some setup requests INTERNAL (SQLite busy) or not in time: a few more attempts, so one
 * does not end a setup of thousands.
 */
async function retried<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/**
 * `count` subscribers that are not accounts: access tokens signed with the deployment's secret, with the claims of
 * `template` (a real user's login token: tenant, role `user`, its permissions and scope) but a user id and session
 * of their own that identity never issued. Router and activity verify a token's signature, expiry and revocation,
 * never its user's row, so these hold subscriptions exactly like signed-in users; they cannot be sent a notice of
 * their own (activity refuses an unknown recipient), only announcements. Ids from 100,000,000 up: no account's.
 */
export function mintRecipients(secret: string, template: Recipient, count: number): Recipient[] {
  const signer = createTokenSigner(new Secret(secret));
  const claims = signer.verifyAccess(template.token);
  return Array.from({ length: count }, (_, i) => {
    const id = String(100_000_000 + i);
    const caller = { ...claims, userId: id, username: `bench_token_${i + 1}`, sessionId: randomUUID() };
    return { id, token: signer.signAccess(caller, TOKEN_TTL_SECONDS), minted: true };
  });
}

/** As a web sign-in's access token (identity's ACCESS_TTL_SECONDS for the web channel). */
const TOKEN_TTL_SECONDS = 7_200;

/** `fn` over `items`, at most `concurrency` at a time, answers in the items' order. */
export async function pool<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
