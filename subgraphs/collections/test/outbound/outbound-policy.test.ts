import { backoffDelay, CircuitBreaker } from '@platform/collections';

describe('write-back back-off', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };

  it('doubles its ceiling per attempt and draws between half the ceiling and the ceiling', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    const draws = Array.from({ length: 200 }, () => backoffDelay(3, policy));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...draws)).toBeLessThanOrEqual(4000);
    expect(new Set(draws).size).toBeGreaterThan(10);
  });

  it('never waits longer than the cap, however many attempts', () => {
    expect(backoffDelay(7, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(500, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(500, policy, () => 0)).toBe(30_000);
  });
});

describe('per-tenant circuit breaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('opens after N consecutive failures (a success in between resets the count)', () => {
    const b = breaker();
    b.failed();
    b.failed();
    b.succeeded();
    b.failed();
    b.failed();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
    b.failed();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
  });

  it('lets exactly one probe through after the cool-down; the probe\'s success closes it', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failed();
    now += 9_999;
    expect(b.tryAcquire()).toBe(false);
    now += 1;
    expect(b.tryAcquire()).toBe(true);
    expect(b.state).toBe('half_open');
    expect(b.tryAcquire()).toBe(false);
    b.succeeded();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });

  it('opens again for a full cool-down when the probe fails', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failed();
    now += 10_000;
    expect(b.tryAcquire()).toBe(true);
    b.failed();
    expect(b.state).toBe('open');
    now += 5_000;
    expect(b.tryAcquire()).toBe(false);
    now += 5_000;
    expect(b.tryAcquire()).toBe(true);
  });
});
