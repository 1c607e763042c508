import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { BACKGROUND_WORK } from '../db/sql-counter';
import { OutboxLease } from './outbox-lease.entity';

export interface RelayLeaseOptions {
  /** One lease per database by default; relays of different outboxes in one database would need their own. */
  name?: string;
  /** How long a taken lease lasts without renewal (default 15 s): how long a crashed holder blocks the others. */
  ttlMs?: number;
  /** Unique per relay by default. */
  holder?: string;
}

/**
 * A lease row with an expiry renewed by its holder, so one relay per database publishes at a time and several
 * instances do not publish the same outbox rows. Expiry is judged on the instances' clocks: keep them in sync
 * (NTP) well within ttlMs. A holder stalled past its expiry (a long GC pause) may publish one batch that the new
 * holder publishes too; delivery stays at-least-once and consumers deduplicate (runIdempotent).
 */
export class RelayLease {
  readonly name: string;
  readonly holder: string;
  private readonly ttlMs: number;
  /** Our own expiry while we hold it (0 when not held), so a holder renews only once half the term has passed. */
  private heldUntil = 0;

  constructor(
    private readonly em: EntityManager,
    options: RelayLeaseOptions = {},
  ) {
    this.name = options.name ?? 'outbox';
    this.ttlMs = options.ttlMs ?? 15_000;
    this.holder = options.holder ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  }

  /** True when this relay holds the lease for at least half a term more (taking or renewing it if it may). */
  async acquire(): Promise<boolean> {
    const now = Date.now();
    if (this.heldUntil - now > this.ttlMs / 2) return true;
    const em = this.em.fork({ loggerContext: BACKGROUND_WORK });
    const expiresAt = new Date(now + this.ttlMs);
    const { name, holder } = this;
    await em.nativeUpdate(
      OutboxLease,
      { name, $or: [{ holder }, { expiresAt: { $lt: new Date(now) } }] },
      { holder, expiresAt },
    );
    // Read back rather than trust the affected-row count: MySQL counts only rows whose values changed.
    const row = await em.findOne(OutboxLease, { name });
    const held = row ? row.holder === holder : await this.takeFirst(em, expiresAt);
    this.heldUntil = held ? expiresAt.getTime() : 0;
    return held;
  }

  /** Gives the lease up so another relay takes over at once rather than after expiry. */
  async release(): Promise<void> {
    if (this.heldUntil === 0) return;
    this.heldUntil = 0;
    const em = this.em.fork({ loggerContext: BACKGROUND_WORK });
    await em.nativeUpdate(OutboxLease, { name: this.name, holder: this.holder }, { expiresAt: new Date(0) });
  }

  /** The first relay ever on this database creates the row; of two racing, the primary key lets one win. */
  private async takeFirst(em: EntityManager, expiresAt: Date): Promise<boolean> {
    try {
      await em.insert(OutboxLease, { name: this.name, holder: this.holder, expiresAt });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }
}
