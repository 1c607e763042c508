import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { identityText } from '../shared/inputs';
import { hr004 } from './hr004.family';
import { ref } from './hr004.shapes';
import { HrLoginDocument, HrMeDocument, HrRefreshDocument, type HrLoginMutation } from './operations.generated';

const tokens = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
});

const toTokens = (p: HrLoginMutation['login']) => ({
  access_token: p.accessToken,
  refresh_token: p.refreshToken,
  token_type: 'bearer' as const,
  expires_in: p.expiresIn,
});

const me = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  full_name: z.string().nullable(),
  position: ref.nullable(),
  role: ref.extend({ code: z.string() }).nullable(),
  permissions: z.array(z.string()),
});

export const hrAuthRoutes = [
  graphqlRoute({
    method: 'POST',
    path: '/api/auth/login',
    family: hr004,
    summary: '登录',
    description: 'Rate limit: 5 failed attempts a minute per (username, client address), counted with GraphQL `login` (429 with Retry-After).',
    body: z.object({ username: identityText.login, password: identityText.loginPassword }),
    response: tokens,
    rateLimit: rateLimit.operation,
    auth: false,
    operation: HrLoginDocument,
    fieldAliases: { login: 'username' },
    variables: ({ body }) => ({ input: { login: body.username, password: body.password, channel: 'WEB' } }),
    map: (d) => toTokens(d.login),
  }),
  graphqlRoute({
    method: 'POST',
    path: '/api/auth/refresh',
    family: hr004,
    summary: '刷新 Token',
    description:
      'Answers the same body as login. Refresh tokens rotate: a refresh token used twice revokes the session (AUTH_001).',
    body: z.object({ refresh_token: z.string().min(1) }),
    response: tokens,
    rateLimit: rateLimit.operation,
    auth: false,
    operation: HrRefreshDocument,
    variables: ({ body }) => ({ refreshToken: body.refresh_token }),
    map: (d) => toTokens(d.refreshToken),
  }),
  graphqlRoute({
    method: 'GET',
    path: '/api/auth/me',
    family: hr004,
    summary: '获取当前用户信息',
    response: me,
    rateLimit: rateLimit.normal,
    auth: true,
    operation: HrMeDocument,
    map: ({ me: u }) => ({
      id: u.id,
      username: u.username,
      email: u.email,
      full_name: u.fullName,
      position: u.position ? { id: u.position.id, name: u.position.name } : null,
      role: u.role ? { id: u.role.id, name: u.role.name, code: u.role.code } : null,
      permissions: u.permissions,
    }),
  }),
];
