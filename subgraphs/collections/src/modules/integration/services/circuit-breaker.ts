export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses before one probe is let through. */
  cooldownMs: number;
}

/**
 * One tenant's circuit: after `failureThreshold` failures in a row it opens and refuses calls for `cooldownMs`; then
 * it lets exactly one probe through (half-open). The probe's success closes it, its failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private current: BreakerState = 'closed';

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  /** Whether a call may go out now (taking the half-open probe when the cool-down has passed). */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) {
      this.current = 'half_open';
      this.probing = false;
    }
    if (this.current === 'half_open' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  succeeded(): void {
    this.failures = 0;
    this.probing = false;
    this.current = 'closed';
  }

  failed(): void {
    this.failures++;
    this.probing = false;
    if (this.current === 'half_open' || this.failures >= this.options.failureThreshold) {
      this.current = 'open';
      this.openedAt = this.now();
    }
  }
}

/** One breaker per tenant, made on first use (this instance's view of each core system). */
export class TenantBreakers {
  private readonly breakers = new Map<number, CircuitBreaker>();

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  of(tenantId: number): CircuitBreaker {
    let breaker = this.breakers.get(tenantId);
    if (!breaker) {
      breaker = new CircuitBreaker(this.options, this.now);
      this.breakers.set(tenantId, breaker);
    }
    return breaker;
  }
}
