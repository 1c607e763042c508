import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { identityText } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { CcoLoginDocument, CcoLogoutDocument, CcoMeDocument } from './operations.generated';

export const ccoAuthRoutes = [
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/admin/auth/login',
    family: ccoAdmin,
    summary: '管理员登录',
    description:
      '`role` is the primary role code (SuperAdmin, TenantAdmin, …). A wrong login id or password is 401 ' +
      '用户名或密码错误; an account that may not use the admin console (collectors, sales…: the platform decides, ' +
      'by `*` or `admin-console:access`) is 403 禁止访问（权限不足）. Rate limit: 5 failed attempts a minute per (loginId, client address), counted with GraphQL `login` (429 with Retry-After).',
    body: z.object({ loginId: identityText.login, password: identityText.loginPassword }),
    response: z.object({
      token: z.string(),
      user: z.object({
        id: z.number().int(),
        loginId: z.string(),
        username: z.string(),
        role: z.string().nullable(),
        email: z.string().nullable(),
        name: z.string().nullable(),
      }),
    }),
    message: '登录成功',
    rateLimit: rateLimit.operation,
    auth: false,
    fieldAliases: { login: 'loginId' },
    operation: CcoLoginDocument,
    variables: ({ body }) => ({
      input: { login: body.loginId, password: body.password, channel: 'WEB', audience: 'ADMIN_CONSOLE' },
    }),
    map: ({ login }) => ({
      token: login.accessToken,
      user: {
        id: Number(login.user.id),
        loginId: login.user.username,
        username: login.user.username,
        role: login.user.role?.code ?? null,
        email: login.user.email,
        name: login.user.fullName,
      },
    }),
  }),
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/admin/auth/logout',
    family: ccoAdmin,
    summary: '登出',
    description: 'Revokes the session: the token is refused afterwards (401).',
    message: '登出成功',
    rateLimit: rateLimit.none,
    auth: true,
    operation: CcoLogoutDocument,
    map: () => undefined,
  }),
  graphqlRoute({
    method: 'GET',
    path: '/api/v1/admin/auth/me',
    family: ccoAdmin,
    summary: '获取当前用户信息',
    response: z.object({
      id: z.number().int(),
      loginId: z.string(),
      role: z.string().nullable(),
      permissions: z.array(z.string()),
    }),
    rateLimit: rateLimit.none,
    auth: true,
    operation: CcoMeDocument,
    map: ({ me }) => ({
      id: Number(me.id),
      loginId: me.username,
      role: me.role?.code ?? null,
      permissions: me.permissions,
    }),
  }),
];
