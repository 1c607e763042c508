import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$/;

describe('X-Forwarded-For is believed only from trusted proxies', () => {
  let platform: ToyPlatform;
  let untrusting: RunningRouter;
  let behindProxy: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    untrusting = await startRouter(platform, 'local');
    // The test client connects over loopback: it plays the trusted load balancer.
    behindProxy = await startRouter(platform, 'local', { trustedProxies: ['loopback'] });
  });
  afterAll(async () => {
    await untrusting.close();
    await behindProxy.close();
  });

  const forwardedFor = async (router: RunningRouter, header: string) => {
    await post(router.url, { query: '{ me { username } }' }, { ...bearer(platform.token()), 'x-forwarded-for': header });
    return platform.seenHeaders.at(-1)!['x-forwarded-for'];
  };

  it('ignores a client-supplied X-Forwarded-For from an untrusted peer', async () => {
    expect(await forwardedFor(untrusting, '203.0.113.66')).toMatch(LOOPBACK);
  });

  it('takes the address a trusted proxy vouches for, and no further hop', async () => {
    expect(await forwardedFor(behindProxy, '203.0.113.66')).toBe('203.0.113.66');
    // The client prepended a forged hop; the proxy appended the address it saw. Only the latter is believed.
    expect(await forwardedFor(behindProxy, '198.51.100.1, 203.0.113.66')).toBe('203.0.113.66');
  });

  it('resolves the address of a WebSocket connection the same way', async () => {
    const run = async (router: RunningRouter) => {
      const client = createClient({
        url: router.wsUrl,
        webSocketImpl: class extends WebSocket {
          constructor(url: string, protocols: string | string[]) {
            super(url, protocols, { headers: { 'x-forwarded-for': '203.0.113.66' } });
          }
        },
        connectionParams: bearer(platform.token()),
        retryAttempts: 0,
      });
      try {
        await client.iterate({ query: '{ me { username } }' }).next();
        return platform.seenHeaders.at(-1)!['x-forwarded-for'];
      } finally {
        await client.dispose();
      }
    };
    expect(await run(untrusting)).toMatch(LOOPBACK);
    expect(await run(behindProxy)).toBe('203.0.113.66');
  });
});
