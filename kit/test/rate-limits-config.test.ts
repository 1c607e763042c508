import { z } from 'zod';
import { ConfigError, limitsOf, loadConfig, parseRateLimits, RATE_LIMIT_DEFAULTS, rateLimitConfigShape } from '../src';

// Issue 6 item 7: one RATE_LIMITS format for every service, parsed here once.
const load = (env: NodeJS.ProcessEnv) => loadConfig('svc', z.object(rateLimitConfigShape), env);

describe('RATE_LIMITS, one setting for identity and the REST adapter', () => {
  it("defaults to 004's documented limits (login 5/min, normal 100/min, upload 10/min, export 5/hour)", () => {
    const limits = load({}).RATE_LIMITS;
    expect(limits).toEqual(RATE_LIMIT_DEFAULTS);
    expect(limits).toMatchObject({
      login: { points: 5, durationSeconds: 60 },
      normal: { points: 100, durationSeconds: 60 },
      upload: { points: 10, durationSeconds: 60 },
      export: { points: 5, durationSeconds: 3600 },
    });
  });

  it('the example of the issue sets every class; classes not named keep their defaults', () => {
    const spec = 'login:5/60,register:20/3600,refresh:30/60,normal:100/60,upload:10/60,export:5/3600';
    expect(parseRateLimits(spec)).toEqual(RATE_LIMIT_DEFAULTS);
    expect(parseRateLimits(' login:2/10 , export:1/60 ')).toEqual({
      ...RATE_LIMIT_DEFAULTS,
      login: { points: 2, durationSeconds: 10 },
      export: { points: 1, durationSeconds: 60 },
    });
  });

  it.each(['bogus:1/60', 'login:5', 'login=5/60', 'login:0/60', 'normal:10/0', 'normal:-1/60', 'Login:5/60'])(
    'fails fast on %s, naming the variable and the entry',
    (entry) => {
      const env = { RATE_LIMITS: `normal:100/60,${entry}` };
      expect(() => load(env)).toThrow(ConfigError);
      expect(() => load(env)).toThrow('RATE_LIMITS');
      expect(() => load(env)).toThrow(`"${entry}"`);
    },
  );

  it('each service reads the classes it applies', () => {
    const limits = parseRateLimits('login:3/60,normal:7/60');
    expect(limitsOf(limits, ['login', 'refresh', 'register'] as const)).toEqual({
      login: { points: 3, durationSeconds: 60 },
      refresh: RATE_LIMIT_DEFAULTS.refresh,
      register: RATE_LIMIT_DEFAULTS.register,
    });
    expect(Object.keys(limitsOf(limits, ['normal', 'upload', 'export'] as const))).toEqual(['normal', 'upload', 'export']);
  });
});
