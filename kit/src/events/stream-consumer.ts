import type Redis from 'ioredis';
import type { BusErrorHandler, BusEvent, EventHandler } from './bus-event';

export interface StreamConsumerOptions {
  group: string;
  consumerName: string;
  streams: string[];
  handler: EventHandler;
  blockMs: number;
  claimIdleMs: number;
  batchSize: number;
  onError: BusErrorHandler;
}

type Entry = [id: string, fields: string[]] | null;
type ReadReply = [stream: string, entries: Entry[]][] | null;

/** One member of a consumer group reading some streams on its own connection, until stopped. */
export class StreamConsumer {
  private stopped = false;
  private reading = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly options: StreamConsumerOptions,
  ) {}

  async start(): Promise<void> {
    for (const stream of this.options.streams) {
      try {
        await this.redis.xgroup('CREATE', stream, this.options.group, '0', 'MKSTREAM');
      } catch (error) {
        if (!String(error).includes('BUSYGROUP')) throw error;
      }
    }
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // Abort a blocking read at once; what it was about to deliver stays pending and is claimed later.
    // A handler in progress is left to finish and acknowledge.
    if (this.reading) this.redis.disconnect();
    await this.loop;
    await closeConnection(this.redis);
  }

  private async run(): Promise<void> {
    let claimDueAt = 0;
    while (!this.stopped) {
      try {
        if (Date.now() >= claimDueAt) {
          await this.claimStale();
          claimDueAt = Date.now() + this.options.claimIdleMs / 2;
        }
        await this.readNew();
      } catch (error) {
        if (this.stopped) return;
        this.options.onError(error);
        await new Promise((r) => setTimeout(r, Math.min(this.options.blockMs, 1000)));
      }
    }
  }

  private async readNew(): Promise<void> {
    const { group, consumerName, batchSize, blockMs, streams } = this.options;
    if (this.stopped) return;
    this.reading = true;
    let reply: ReadReply;
    try {
      reply = (await this.redis.xreadgroup(
        'GROUP', group, consumerName, 'COUNT', batchSize, 'BLOCK', blockMs,
        'STREAMS', ...streams, ...streams.map(() => '>'),
      )) as ReadReply;
    } finally {
      this.reading = false;
    }
    for (const [stream, entries] of reply ?? []) await this.handleAll(stream, entries);
  }

  /** Takes over events delivered to any member (this one included) and left unacknowledged for claimIdleMs. */
  private async claimStale(): Promise<void> {
    const { group, consumerName, claimIdleMs, batchSize } = this.options;
    for (const stream of this.options.streams) {
      let cursor = '0-0';
      do {
        const [next, entries] = (await this.redis.xautoclaim(
          stream, group, consumerName, claimIdleMs, cursor, 'COUNT', batchSize,
        )) as [string, Entry[]];
        await this.handleAll(stream, entries);
        cursor = next;
      } while (cursor !== '0-0' && !this.stopped);
    }
  }

  /**
   * Of the events read at once, one aggregate's are handled in their stream's order, one after another, and different
   * aggregates' side by side: a handler waiting on its database no longer leaves the rest of the batch waiting, and a
   * slow or retrying event holds back its own aggregate at once and the next read only until it is done.
   */
  private async handleAll(stream: string, entries: Entry[]): Promise<void> {
    const lanes = new Map<string, [id: string, fields: string[]][]>();
    for (const entry of entries) {
      if (!entry) continue;
      const key = aggregateOf(entry[1]) ?? entry[0];
      const lane = lanes.get(key);
      if (lane) lane.push(entry);
      else lanes.set(key, [entry]);
    }
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (const [id, fields] of lane) {
          if (this.stopped) return; // leave the rest pending for whoever claims them
          await this.handle(stream, id, fields);
        }
      }),
    );
  }

  private async handle(stream: string, id: string, fields: string[]): Promise<void> {
    let event: BusEvent | undefined;
    try {
      event = JSON.parse(fields[fields.indexOf('event') + 1] ?? '') as BusEvent;
    } catch (error) {
      // Unreadable forever: acknowledge it rather than claim it again and again.
      this.options.onError(new Error(`unreadable entry ${id} in ${stream}: ${String(error)}`));
      await this.redis.xack(stream, this.options.group, id);
      return;
    }
    try {
      await this.options.handler(event);
    } catch (error) {
      // Not acknowledged: it stays pending and is claimed again after claimIdleMs.
      this.options.onError(error, event);
      return;
    }
    await this.redis.xack(stream, this.options.group, id);
  }
}

/** The event's aggregate (`tenant/aggregate`); null when it names none or cannot be read. */
function aggregateOf(fields: string[]): string | null {
  try {
    const event = JSON.parse(fields[fields.indexOf('event') + 1] ?? '') as Partial<BusEvent>;
    return event.aggregateId ? `${event.tenantId ?? ''}/${event.aggregateId}` : null;
  } catch {
    return null;
  }
}

/**
 * QUIT, or drop the socket if that fails. Never disconnect() an already closed client: ioredis then arms a 2 s
 * timer waiting for a 'close' event that has already happened, which keeps jest (and any process) alive.
 */
export async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  await redis.quit().catch(() => redis.status !== 'end' && redis.disconnect());
}
