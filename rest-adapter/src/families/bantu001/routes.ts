import { z } from 'zod';
import { graphqlRoute, rateLimit, type Route } from '../../framework/route';
import { identityText } from '../shared/inputs';
import { bantu001 } from './bantu001.family';
import { BantuLoginDocument } from './operations.generated';

const user = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  role: z.string().nullable(),
  tenant_code: z.string().nullable(),
});

/** BANTU 001 (`/api/v1/…`): the login now; opportunities and the workflow arrive with the sales subgraph. */
export const bantu001Routes: Route[] = [
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/auth/login',
    family: bantu001,
    summary: '获取Token（登录）',
    description:
      'The document shows `user: {…}`: it holds id (string), username, email, name, role (the primary role code) ' +
      'and tenant_code. Rate limit: 5 failed attempts a minute per (email, client address), counted with GraphQL `login` (429 with Retry-After).',
    body: z.object({ email: z.email().min(1).max(255), password: identityText.loginPassword }),
    response: z.object({ token: z.string(), user }),
    message: '登录成功',
    rateLimit: rateLimit.operation,
    auth: false,
    fieldAliases: { login: 'email' },
    operation: BantuLoginDocument,
    variables: ({ body }) => ({ input: { login: body.email, password: body.password, channel: 'WEB' } }),
    map: ({ login }) => ({
      token: login.accessToken,
      user: {
        id: login.user.id,
        username: login.user.username,
        email: login.user.email,
        name: login.user.fullName,
        role: login.user.role?.code ?? null,
        tenant_code: login.user.tenant?.code ?? null,
      },
    }),
  }),
];
