import Redis from 'ioredis';

export interface CreatePubSubOptions {
  /** Without it, an in-memory PubSub: enough for one process and for tests. */
  redisUrl?: string;
  /** Prepended to every Redis channel (tests pass a random one). */
  channelPrefix?: string;
}

/** A subscription stream whose `return()` unsubscribes at once, even while a `next()` is pending. */
export interface PubSubIterator<T = unknown> extends AsyncIterableIterator<T> {
  /** Resolves when the subscription is live; a publish before that may not be seen (Redis SUBSCRIBE is async). */
  readonly ready: Promise<void>;
  return(): Promise<IteratorResult<T>>;
}

/**
 * A type-graphql `PubSub` by shape (it is passed to buildSchema as one), declared on its own because its `publish`
 * resolves once sent where type-graphql's returns void: callers may await it.
 */
export interface KitPubSub {
  publish(routingKey: string, ...args: unknown[]): Promise<void>;
  subscribe<T = unknown>(routingKey: string, dynamicId?: unknown): PubSubIterator<T>;
  /** Live local subscriptions of a topic: lets tests prove nothing leaks. */
  listenerCount(routingKey: string, dynamicId?: unknown): number;
  close(): Promise<void>;
}

type Listener = (payload: unknown) => void;

interface Transport {
  publish(channel: string, payload: unknown): Promise<void>;
  /** Starts delivering on first listener; resolves when deliveries have started. */
  subscribe(channel: string): Promise<void>;
  /** Called when the last local listener of a channel left. */
  unsubscribe(channel: string): void;
  close(): Promise<void>;
}

function isScalar(value: unknown): value is string | number | bigint | boolean {
  return ['string', 'number', 'bigint', 'boolean'].includes(typeof value);
}

/** type-graphql convention (as its own createPubSub): publish(key, payload) or publish(key, id, payload). */
function topicOf(routingKey: string, dynamicId?: unknown): string {
  if (dynamicId === undefined) return routingKey;
  // An object id would stringify as "[object Object]" and merge every such topic into one; its JSON tells them apart.
  const id = isScalar(dynamicId) ? String(dynamicId) : JSON.stringify(dynamicId);
  return `${routingKey}:${id}`;
}

export function createPubSub(options: CreatePubSubOptions = {}): KitPubSub {
  const { redisUrl, channelPrefix = '' } = options;
  return new ChannelPubSub(redisUrl ? (deliver) => new RedisTransport(redisUrl, channelPrefix, deliver) : undefined);
}

type Deliver = (topic: string, payload: unknown) => void;

class ChannelPubSub implements KitPubSub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly subscriptions = new Map<string, Promise<void>>();
  private readonly iterators = new Set<SubscriptionIterator>();

  /** Without a transport (in memory), publish hands payloads straight to local listeners. */
  private readonly transport: Transport | undefined;

  constructor(makeTransport?: (deliver: Deliver) => Transport) {
    this.transport = makeTransport?.((topic, payload) => this.deliver(topic, payload));
  }

  async publish(routingKey: string, ...args: unknown[]): Promise<void> {
    const [topic, payload] = args.length >= 2 ? [topicOf(routingKey, args[0]), args[1]] : [routingKey, args[0]];
    if (this.transport) await this.transport.publish(topic, payload);
    else this.deliver(topic, payload);
  }

  subscribe<T = unknown>(routingKey: string, dynamicId?: unknown): PubSubIterator<T> {
    const topic = topicOf(routingKey, dynamicId);
    let listeners = this.listeners.get(topic);
    if (!listeners) {
      this.listeners.set(topic, (listeners = new Set()));
      const subscribed = this.transport?.subscribe(topic) ?? Promise.resolve();
      subscribed.catch(() => undefined); // reported through `ready`; never an unhandled rejection
      this.subscriptions.set(topic, subscribed);
    }
    const set = listeners;
    const iterator = new SubscriptionIterator(this.subscriptions.get(topic)!, () => {
      set.delete(listener);
      this.iterators.delete(iterator);
      if (set.size === 0 && this.listeners.get(topic) === set) {
        this.listeners.delete(topic);
        this.subscriptions.delete(topic);
        this.transport?.unsubscribe(topic);
      }
    });
    const listener: Listener = (payload) => iterator.push(payload);
    set.add(listener);
    this.iterators.add(iterator);
    return iterator as PubSubIterator<T>;
  }

  listenerCount(routingKey: string, dynamicId?: unknown): number {
    return this.listeners.get(topicOf(routingKey, dynamicId))?.size ?? 0;
  }

  async close(): Promise<void> {
    for (const iterator of [...this.iterators]) await iterator.return();
    await this.transport?.close();
  }

  private deliver(topic: string, payload: unknown): void {
    for (const listener of [...(this.listeners.get(topic) ?? [])]) listener(payload);
  }
}

/**
 * Hand-written rather than an `async function*`: a generator suspended in `await` cannot run its `finally` until
 * the next value arrives, so `return()` would not unsubscribe an idle subscription (and its socket) in time.
 */
class SubscriptionIterator implements PubSubIterator {
  private readonly buffer: unknown[] = [];
  private readonly waiting: ((result: IteratorResult<unknown>) => void)[] = [];
  private done = false;

  constructor(
    readonly ready: Promise<void>,
    private readonly onEnd: () => void,
  ) {}

  push(value: unknown): void {
    if (this.done) return;
    const resolve = this.waiting.shift();
    if (resolve) resolve({ value, done: false });
    else this.buffer.push(value);
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift(), done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<unknown>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<unknown>> {
    this.end();
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the iterator protocol hands back what the caller threw, unchanged
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.buffer.length = 0;
    this.onEnd();
    for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
  }
}

/** Redis pub/sub: a subscribing connection cannot issue other commands, hence a second one for publishing. */
class RedisTransport implements Transport {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
    deliver: Deliver,
  ) {
    // Publishes made in one tick (a push's notices, concurrent requests' notices) go out in one write.
    this.publisher = new Redis(url, { enableAutoPipelining: true });
    this.subscriber = new Redis(url);
    // ioredis reconnects (and resubscribes) by itself; without a listener it would print every failed attempt.
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(prefix)) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        return; // not ours: someone else published raw text on the channel
      }
      deliver(channel.slice(prefix.length), payload);
    });
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(payload ?? null));
  }

  async subscribe(channel: string): Promise<void> {
    await this.subscriber.subscribe(this.prefix + channel);
  }

  unsubscribe(channel: string): void {
    this.subscriber.unsubscribe(this.prefix + channel).catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher, this.subscriber].map(quit));
  }
}

/** QUIT, or drop the socket; never disconnect() an ended client (ioredis would arm a 2 s timer for nothing). */
async function quit(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  await redis.quit().catch(() => redis.status !== 'end' && redis.disconnect());
}
