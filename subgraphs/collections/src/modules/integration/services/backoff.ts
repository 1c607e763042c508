export interface BackoffPolicy {
  /** The first retry's ceiling. */
  baseMs: number;
  /** No wait grows beyond this. */
  capMs: number;
}

/**
 * The wait before retry number `attempts` (1 after the first failure): the ceiling doubles from `baseMs` up to
 * `capMs`, and the wait is drawn between half the ceiling and the ceiling ("equal jitter"), so deliveries failing
 * together do not come back together yet never retry sooner than half the schedule.
 */
export function backoffDelay(attempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
