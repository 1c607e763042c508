import type { Harness } from './harness';

export const ADMIN = { login: 'admin', password: 'Admin123456' };
export const TENANT_ADMIN = { login: 'tenantadmin', password: 'admin123' };
export const SUPER_ADMIN = { login: 'superadmin', password: '123456' };

export const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id username email fullName nickname status tenantId
      position { id name } role { id code } roles { code } permissions
      createdAt updatedAt lastLoginAt
    }
  }
`;

export const ME = /* GraphQL */ `{ me { id username permissions role { code } } }`;

let counter = 0;
/** A fresh, unique name for rows a test creates. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Creates an account through the API as the given admin and answers its id. */
export async function createAccount(
  h: Harness,
  adminToken: string,
  input: { username?: string; password?: string; roleCode?: string; email?: string; positionId?: string; tenantId?: string; status?: string; fullName?: string },
): Promise<{ id: string; username: string; password: string }> {
  const username = input.username ?? unique('u');
  const password = input.password ?? 'secret123';
  const data = await h.data(CREATE_USER, { input: { ...input, username, password } }, adminToken);
  return { id: data.createUser.id, username, password };
}
