import { type EntityManager, raw } from '@mikro-orm/core';
import { BACKGROUND_WORK } from '../db/sql-counter';
import type { BusEvent, EventBus } from './bus-event';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber';
import { OutboxEvent } from './outbox-event.entity';
import { RelayLease, type RelayLeaseOptions } from './relay-lease';

export interface OutboxRelayOptions {
  /** The root EntityManager; the relay forks it for every batch. */
  em: EntityManager;
  bus: EventBus;
  batchSize?: number;
  /** Poll period while idle (default 1000 ms); commits that record events skip the wait (see flushOnCommit). */
  pollIntervalMs?: number;
  /**
   * While started, publish right after every commit (through `em`'s ORM, any fork) that inserted outbox events,
   * so events reach the bus with the latency of one query rather than of a poll (default true).
   */
  flushOnCommit?: boolean;
  /** First back-off after a failed publish, doubled per consecutive failure up to maxBackoffMs (100 ms, 30 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  onError?: (error: unknown) => void;
  /**
   * Publish only while holding the database's relay lease (default on), so of several instances one publishes and
   * none publishes a row another already did; the others' commits are published by the holder's next poll.
   * `false` only where one relay per database is certain (some tests).
   */
  lease?: RelayLeaseOptions | false;
}

export function toBusEvent(row: OutboxEvent): BusEvent {
  return {
    id: row.id,
    topic: row.topic,
    payload: row.payload,
    tenantId: row.tenantId,
    aggregateId: row.aggregateId,
    occurredAt: row.occurredAt.toISOString(),
  };
}

/**
 * Publishes committed outbox events in occurrence order and marks them published, while it holds the database's
 * relay lease. Delivery is at-least-once: a crash between publish and mark publishes again; consumers deduplicate
 * on the event id (runIdempotent).
 */
export class OutboxRelay {
  private readonly options: Required<Omit<OutboxRelayOptions, 'lease'>>;
  private readonly lease: RelayLease | undefined;
  private running: Promise<void> = Promise.resolve();
  /** The run queued behind the current one, not started yet. */
  private waiting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private watchingCommits = false;
  private failures = 0;

  constructor(options: OutboxRelayOptions) {
    this.options = {
      batchSize: 100,
      pollIntervalMs: 1000,
      flushOnCommit: true,
      minBackoffMs: 100,
      maxBackoffMs: 30_000,
      onError: (error) => console.error('outbox relay: publish failed, will retry', error),
      ...options,
    };
    this.lease = options.lease === false ? undefined : new RelayLease(options.em, options.lease);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.options.flushOnCommit && !this.watchingCommits) {
      // The EventManager cannot drop a subscriber: register once, and let it do nothing while stopped.
      this.watchingCommits = true;
      this.options.em.getEventManager().registerSubscriber(
        new OutboxCommitSubscriber(() => {
          if (this.started) void this.flush();
        }),
      );
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    await this.running;
    await this.lease?.release().catch(this.options.onError);
  }

  /**
   * Publishes what is pending now. Runs are serialised, so concurrent calls never publish one row twice and order
   * holds. A run not yet started reads whatever is committed when it starts, so calls made meanwhile join it: under a
   * burst of commits (one flush each) the relay makes one batch per run rather than one per commit. Never rejects:
   * a failure is reported to onError and retried with back-off by the poll loop.
   */
  flush(): Promise<void> {
    if (this.waiting) return this.waiting;
    const run = this.running.then(() => {
      this.waiting = undefined;
      return this.publishPending();
    });
    this.waiting = run;
    this.running = run;
    return run;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    clearTimeout(this.timer);
    // flush() never rejects (failures go to onError), so nothing is lost by not awaiting the chain.
    this.timer = setTimeout(() => {
      void this.flush().then(() => this.schedule(this.failures > 0 ? this.backoffMs() : this.options.pollIntervalMs));
    }, delayMs);
    // Polling alone must not keep a process (or a test run) alive; servers and consumers do that.
    this.timer.unref();
  }

  private backoffMs(): number {
    const { minBackoffMs, maxBackoffMs } = this.options;
    return Math.min(maxBackoffMs, minBackoffMs * 2 ** (this.failures - 1));
  }

  private async publishPending(): Promise<void> {
    try {
      while ((await this.publishBatch()) === this.options.batchSize);
      this.failures = 0;
    } catch (error) {
      this.failures++;
      this.options.onError(error);
    }
  }

  /** Returns how many events it published. */
  private async publishBatch(): Promise<number> {
    // Not the holder: another relay publishes this database's rows (ours included) at its next poll.
    if (this.lease && !(await this.lease.acquire())) return 0;
    const em = this.options.em.fork({ loggerContext: BACKGROUND_WORK });
    const rows = await em.find(
      OutboxEvent,
      { publishedAt: null },
      { orderBy: { occurredAt: 'asc', id: 'asc' }, limit: this.options.batchSize },
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    try {
      await this.options.bus.publish(rows.map(toBusEvent));
    } catch (error) {
      await em.nativeUpdate(OutboxEvent, { id: { $in: ids } }, { attempts: raw('attempts + 1') });
      throw error;
    }
    await em.nativeUpdate(OutboxEvent, { id: { $in: ids } }, { publishedAt: new Date() });
    return rows.length;
  }
}
