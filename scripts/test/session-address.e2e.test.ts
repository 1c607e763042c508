import { PLATFORM_START_MS } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import type { UntypedJson } from '@platform/testkit';

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const SESSIONS = '{ mySessions { clientAddress current } }';

async function post(graphqlUrl: string, query: string, variables: object, headers: Record<string, string>) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: UntypedJson; errors?: unknown[] };
}

/** Signs in through the router claiming X-Forwarded-For `claimed`; the address identity recorded for the session. */
async function sessionAddress(routerUrl: string, claimed: string): Promise<string> {
  const graphqlUrl = `${routerUrl}/graphql`;
  const login = await post(graphqlUrl, LOGIN, { i: { login: 'admin', password: 'Admin123456' } }, { 'x-forwarded-for': claimed });
  const token = login.data.login.accessToken as string;
  const sessions = await post(graphqlUrl, SESSIONS, {}, { authorization: `Bearer ${token}` });
  return sessions.data.mySessions.find((s: { current: boolean }) => s.current).clientAddress;
}

const platformTrusting = async (trustedProxies?: string): Promise<{ platform: Platform; routerUrl: string }> => {
  const platform = await startPlatform({
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      ROUTER_PORT: '0',
      ADAPTER_PORT: '0',
      TRUSTED_PROXIES: trustedProxies,
    },
  });
  return { platform, routerUrl: (await platform.listen()).routerUrl };
};

// The test client connects over loopback, so it plays either an outsider or the trusted load balancer.
describe('the session address believes X-Forwarded-For only from a trusted proxy', () => {
  let untrusting: { platform: Platform; routerUrl: string };
  let behindProxy: { platform: Platform; routerUrl: string };

  beforeAll(async () => {
    untrusting = await platformTrusting();
    behindProxy = await platformTrusting('127.0.0.0/8, ::1');
  }, PLATFORM_START_MS); // two platforms, each hashing its seed passwords
  afterAll(async () => {
    await untrusting?.platform.close();
    await behindProxy?.platform.close();
  });

  it('does not record a client-supplied X-Forwarded-For from an untrusted peer as the session address', async () => {
    expect(await sessionAddress(untrusting.routerUrl, '203.0.113.66')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('records the address a trusted proxy forwarded', async () => {
    expect(await sessionAddress(behindProxy.routerUrl, '203.0.113.66')).toBe('203.0.113.66');
  });
});
