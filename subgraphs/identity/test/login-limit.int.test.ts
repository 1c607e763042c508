import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { ADMIN } from './support/fixtures';
import { errorOf, LOGIN, startIdentity, type Harness } from './support/harness';

// Issue 6.6 on real Redis: a login id blocked through one instance (say, the one the REST adapter reached) is
// blocked through every other (GraphQL), since the counters live in Redis beside the operation.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomBytes(4).toString('hex')}:identity`;

let a: Harness;
let b: Harness;
beforeAll(async () => {
  const env = { REDIS_URL: redisUrl, RATE_LIMIT_PREFIX: prefix };
  a = await startIdentity(env);
  b = await startIdentity(env);
}, 30_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const attempt = (h: Harness, password: string) =>
  h.exec(LOGIN, { input: { login: ADMIN.login, password } }, undefined, { 'x-forwarded-for': '203.0.113.7' });

test('a login id blocked through one instance is blocked through the other', async () => {
  for (let i = 0; i < 5; i++) expect(errorOf(await attempt(a, 'wrong')).code).toBe('INVALID_CREDENTIALS');
  expect(errorOf(await attempt(b, ADMIN.password)).code).toBe('RATE_LIMITED');
});
