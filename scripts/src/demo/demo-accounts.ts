import type { DemoGraph } from './demo-graph';
import type { DemoOptions } from './demo-options';

export interface DemoAdmin {
  token: string;
  userId: string;
  tenantId: number;
}

/** Signs the tenant admin in and checks they belong to the tenant the demo fills. */
export async function signInAdmin(graph: DemoGraph, options: DemoOptions): Promise<DemoAdmin> {
  const { login } = await graph<{ login: { accessToken: string } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { login: options.admin, password: options.password } },
  );
  const { me } = await graph<{ me: { id: string; tenantId: string | null; tenant: { code: string } | null } }>(
    '{ me { id tenantId tenant { code } } }',
    {},
    login.accessToken,
  );
  if (!me.tenantId || me.tenant?.code !== options.tenant) {
    throw new Error(`${options.admin} is not an account of tenant ${options.tenant} (use that tenant's admin)`);
  }
  return { token: login.accessToken, userId: me.id, tenantId: Number(me.tenantId) };
}

/**
 * Creates an identity account in the admin's tenant through identity's own mutation (as the admin console does).
 * Login ids are `demo_<tag>_…`: never the documents' walk-through ids collector001–collector003 (decisions.md).
 */
export async function createAccount(graph: DemoGraph, admin: DemoAdmin, input: { username: string; fullName: string; roleCode: string; password: string }): Promise<string> {
  if (/^collector00[1-3]$/.test(input.username)) throw new Error(`${input.username} is reserved for the documents' walk-through`);
  const { createUser } = await graph<{ createUser: { id: string } }>(
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input },
    admin.token,
  );
  return createUser.id;
}
