import { graphql } from '../gateway/graphql-client';

/** decisions.md's development account: tenant DEMO's admin; it creates the recipients and sends every notice. */
const ADMIN = { login: 'admin', password: 'Admin123456' };
const PASSWORD = 'Bench-subscriber-1';

export interface Recipient {
  id: string;
  token: string;
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
    graphql(routerUrl, CREATE, {
      token: adminToken,
      variables: { input: { username, password: PASSWORD, fullName: username, roleCode: 'user' } },
    }),
  );
  return pool(names, concurrency, (username) => signIn(routerUrl, username, PASSWORD));
}

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
