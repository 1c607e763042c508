import type { BusErrorHandler, BusEvent, EventBus, EventHandler, Unsubscribe } from './bus-event';

export interface InProcessBusOptions {
  /** Wait before handing a failed event to the group again (default 100 ms). */
  retryDelayMs?: number;
  onError?: BusErrorHandler;
  /**
   * Keep the last `history` events, and hand a group that subscribes later those of its topics first, as a new
   * Redis Streams group reads its streams from the start. The launcher needs it: a subgraph started first publishes
   * (its seed, say) before a consumer started after it subscribes. Default 0: a group sees only later events.
   */
  history?: number;
}

interface Member {
  topics: Set<string>;
  handler: EventHandler;
}

/** One subscriber group: a FIFO queue drained by one worker, handing each event to one member in turn. */
class Group {
  readonly members: Member[] = [];
  private readonly queue: BusEvent[] = [];
  private draining: Promise<void> | undefined;
  private retries = new Set<NodeJS.Timeout>();
  private turn = 0;

  constructor(private readonly options: Required<InProcessBusOptions>) {}

  wants(topic: string): boolean {
    return this.members.some((m) => m.topics.has(topic));
  }

  enqueue(event: BusEvent): void {
    this.queue.push(event);
    this.kick();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      // An event enqueued after the loop's last check but before this callback would otherwise wait forever.
      if (this.queue.length > 0) this.kick();
    });
  }

  get busy(): boolean {
    return !!this.draining || this.retries.size > 0;
  }

  /** Resolves once the queue is empty and no retry is scheduled. */
  async idle(): Promise<void> {
    while (this.busy) await (this.draining ?? new Promise((r) => setTimeout(r, this.options.retryDelayMs)));
  }

  stop(): void {
    this.queue.length = 0;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
  }

  private async drain(): Promise<void> {
    // Yield a macrotask first: the publisher's await resumes before any handler runs, as with a real broker.
    await new Promise((resolve) => setImmediate(resolve));
    for (let event = this.queue.shift(); event; event = this.queue.shift()) {
      const member = this.pick(event.topic);
      if (!member) continue; // the group left this topic
      try {
        await member.handler(event);
      } catch (error) {
        this.options.onError(error, event);
        this.retryLater(event);
      }
    }
  }

  private pick(topic: string): Member | undefined {
    const candidates = this.members.filter((m) => m.topics.has(topic));
    return candidates[this.turn++ % Math.max(candidates.length, 1)];
  }

  private retryLater(event: BusEvent): void {
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      this.enqueue(event);
    }, this.options.retryDelayMs);
    this.retries.add(timer);
  }
}

/**
 * The bus for tests and single-process runs: asynchronous, at-least-once while the process lives (a failed
 * handler gets the event again), nothing kept across restarts. A group only receives events published after
 * its first member subscribed.
 */
export class InProcessBus implements EventBus {
  private readonly groups = new Map<string, Group>();
  private readonly options: Required<InProcessBusOptions>;
  private readonly history: BusEvent[] = [];
  private closed = false;

  constructor(options: InProcessBusOptions = {}) {
    this.options = {
      retryDelayMs: options.retryDelayMs ?? 100,
      history: options.history ?? 0,
      onError: options.onError ?? ((error, event) => console.error(`event ${event?.id} failed`, error)),
    };
  }

  // Asynchronous for the interface (Redis); delivery here is queued per group, not awaited.
  publish(events: BusEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('InProcessBus is closed'));
    for (const event of events) {
      if (this.options.history > 0) {
        this.history.push(structuredClone(event));
        if (this.history.length > this.options.history) this.history.shift();
      }
      // A copy per group, so one handler mutating its event cannot affect another.
      for (const group of this.groups.values()) if (group.wants(event.topic)) group.enqueue(structuredClone(event));
    }
    return Promise.resolve();
  }

  subscribe(name: string, topics: string[], handler: EventHandler): Promise<Unsubscribe> {
    let group = this.groups.get(name);
    const isNew = !group;
    if (!group) this.groups.set(name, (group = new Group(this.options)));
    const member: Member = { topics: new Set(topics), handler };
    group.members.push(member);
    if (isNew) for (const event of this.history) if (member.topics.has(event.topic)) group.enqueue(structuredClone(event));
    return Promise.resolve(() => {
      const index = group.members.indexOf(member);
      if (index >= 0) group.members.splice(index, 1);
      return Promise.resolve();
    });
  }

  /** Waits until every published event has been handled (tests use it instead of sleeping). */
  async drain(): Promise<void> {
    // Handlers may publish: repeat until a whole pass finds every group idle.
    const groups = () => [...this.groups.values()];
    while (groups().some((g) => g.busy)) for (const group of groups()) await group.idle();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const group of this.groups.values()) group.stop();
    await this.drain();
    this.groups.clear();
  }
}
