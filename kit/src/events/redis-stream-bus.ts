import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import Redis from 'ioredis';
import type { BusErrorHandler, BusEvent, EventBus, EventHandler, Unsubscribe } from './bus-event';
import { closeConnection, StreamConsumer } from './stream-consumer';

export interface RedisStreamBusOptions {
  redisUrl: string;
  /** Prepended to every key (tests pass a random one); streams are `<prefix>events:<topic>`. */
  keyPrefix?: string;
  /** Unique per process by default; a restarted process is a new consumer and its old pending events get claimed. */
  consumerName?: string;
  /** Longest wait of one blocking read, and so the longest `close()` waits for it (default 2000 ms). */
  blockMs?: number;
  /** How long a delivered, unacknowledged event waits before a consumer claims it again (default 30 s). */
  claimIdleMs?: number;
  /** Events per read (default 20). */
  batchSize?: number;
  /** Approximate stream length kept; older entries are trimmed (default 100,000). */
  maxLen?: number;
  onError?: BusErrorHandler;
}

/**
 * Redis Streams: one stream per topic, one consumer group per subscriber group. XACK only after the handler
 * succeeded; what a crashed or failing consumer left pending is taken over with XAUTOCLAIM. A new group starts at
 * the beginning of the retained stream, so events published before its first deploy are not lost.
 */
export class RedisStreamBus implements EventBus {
  private readonly redis: Redis;
  private readonly consumers = new Set<StreamConsumer>();
  private readonly options: Required<Omit<RedisStreamBusOptions, 'redisUrl'>>;

  constructor(options: RedisStreamBusOptions) {
    this.options = {
      keyPrefix: options.keyPrefix ?? '',
      consumerName: options.consumerName ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
      blockMs: options.blockMs ?? 2000,
      claimIdleMs: options.claimIdleMs ?? 30_000,
      batchSize: options.batchSize ?? 20,
      maxLen: options.maxLen ?? 100_000,
      onError: options.onError ?? ((error, event) => console.error(`event bus: ${event?.id ?? ''}`, error)),
    };
    this.redis = new Redis(options.redisUrl);
    this.redis.on('error', (error) => this.options.onError(error));
  }

  streamKey(topic: string): string {
    return `${this.options.keyPrefix}events:${topic}`;
  }

  async publish(events: BusEvent[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const event of events) {
      pipeline.xadd(this.streamKey(event.topic), 'MAXLEN', '~', this.options.maxLen, '*', 'event', JSON.stringify(event));
    }
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error)?.[0];
    if (failed) throw failed;
  }

  async subscribe(group: string, topics: string[], handler: EventHandler): Promise<Unsubscribe> {
    // The blocking read gets its own connection: it would stall every other command queued behind it.
    const connection = this.redis.duplicate();
    connection.on('error', (error) => this.options.onError(error));
    const consumer = new StreamConsumer(connection, {
      ...this.options,
      group,
      streams: topics.map((t) => this.streamKey(t)),
      handler,
    });
    await consumer.start();
    this.consumers.add(consumer);
    return async () => {
      this.consumers.delete(consumer);
      await consumer.stop();
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.consumers.clear();
    await closeConnection(this.redis);
  }
}
