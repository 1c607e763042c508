import { z } from 'zod';
import { notFoundError, type RestError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, identityText, intIdParam } from '../shared/inputs';
import { leads002Users } from './leads002.family';
import { LeadsDeleteUserDocument, LeadsLoginDocument, LeadsRegisterDocument, LeadsSalesUsersDocument, LeadsUpdateUserDocument, LeadsUserDocument, LeadsUsersDocument } from './operations.generated';
import { leadsUser, loginUser, summaryToLeadsUser, toLeadsUser, toLoginUser } from './users.mappers';

const REQUIRED = '用户名和密码必填';
/** Register and login word a missing user name or password as the document does. */
const credentialsRequired = (e: RestError) =>
  e.details.field === 'username' || e.details.field === 'password' ? REQUIRED : undefined;

const idParams = z.object({ id: intIdParam });
const userNotFound = { NOT_FOUND: '用户不存在' };
const ADMIN = 'User management needs an admin token (users:* permissions); other roles get 403 权限不足.';
const common = { family: leads002Users, rateLimit: rateLimit.none, auth: true } as const;

export const leadsUserRoutes = [
  graphqlRoute({
    method: 'POST',
    path: '/api/users/register',
    family: leads002Users,
    summary: '用户注册',
    description:
      'Anonymous registration creates a user with role `user` (a tenant may switch it off: 403). Choosing `role` ' +
      'needs an admin token (403 otherwise). A taken user name is 409 用户名已存在.',
    body: z.object({
      username: identityText.username,
      password: identityText.password,
      nickname: identityText.name.optional(),
      role: identityText.roleCode.optional(),
    }),
    response: z.object({ id: z.number().int(), username: z.string() }),
    message: '注册成功',
    rateLimit: rateLimit.operation,
    auth: false,
    errorMessages: { BAD_USER_INPUT: credentialsRequired, CONFLICT: '用户名已存在' },
    operation: LeadsRegisterDocument,
    variables: ({ body }) => ({
      input: defined({ username: body.username, password: body.password, nickname: body.nickname, role: body.role }),
    }),
    map: (d) => ({ id: Number(d.register.id), username: d.register.username }),
  }),
  graphqlRoute({
    method: 'POST',
    path: '/api/users/login',
    family: leads002Users,
    summary: '用户登录',
    description: 'A wrong user name or password is 401 用户名或密码错误. Rate limit: 5 failed attempts a minute per (username, client address), counted with GraphQL `login` (429 with Retry-After).',
    body: z.object({ username: identityText.login, password: identityText.loginPassword }),
    response: z.object({ token: z.string(), user: loginUser }),
    message: '登录成功',
    rateLimit: rateLimit.operation,
    auth: false,
    errorMessages: { BAD_USER_INPUT: credentialsRequired },
    fieldAliases: { login: 'username' },
    operation: LeadsLoginDocument,
    variables: ({ body }) => ({ input: { login: body.username, password: body.password, channel: 'WEB' } }),
    map: (d) => ({ token: d.login.accessToken, user: toLoginUser(d.login.user) }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/users',
    summary: '获取用户列表',
    description: `${ADMIN} The whole list of the tenant's users, oldest first.`,
    response: z.array(leadsUser),
    operation: LeadsUsersDocument,
    allPages: () => 'users',
    map: (d) => d.users.items.map(toLeadsUser),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/users/sales',
    summary: '获取所有销售用户',
    description:
      'Any signed-in user of the tenant (service staff pick the sales user of a lead they register): the users ' +
      'whose role is `sales`, oldest first; never a password field.',
    response: z.array(leadsUser),
    operation: LeadsSalesUsersDocument,
    allPages: () => 'salesUsers',
    map: (d) => d.salesUsers.items.map(summaryToLeadsUser),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/users/{id}',
    summary: '获取用户详情',
    description: ADMIN,
    params: idParams,
    response: leadsUser,
    errorMessages: userNotFound,
    operation: LeadsUserDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.user) throw notFoundError('User');
      return toLeadsUser(d.user);
    },
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/users/{id}',
    summary: '修改用户信息',
    description: `${ADMIN} Every field is optional; only those sent change. \`role\` is a role code.`,
    params: idParams,
    body: z.object({
      nickname: identityText.name.optional(),
      role: identityText.roleCode.optional(),
      password: identityText.password.optional(),
    }),
    message: '修改成功',
    errorMessages: userNotFound,
    fieldAliases: { fullName: 'nickname', roleCode: 'role' },
    operation: LeadsUpdateUserDocument,
    variables: ({ params, body }) => ({
      id: params.id,
      input: defined({ fullName: body.nickname, roleCode: body.role, password: body.password }),
    }),
    map: () => undefined,
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/users/{id}',
    summary: '删除用户',
    description: `${ADMIN} Soft delete: the user can no longer sign in.`,
    params: idParams,
    message: '删除成功',
    errorMessages: userNotFound,
    operation: LeadsDeleteUserDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.deleteUser) throw notFoundError('User');
    },
  }),
];
