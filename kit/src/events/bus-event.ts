/** What travels on the bus: plain JSON, so it crosses Redis unchanged. */
export interface BusEvent<Payload = unknown> {
  /** The outbox event id: the key idempotent consumers deduplicate on. */
  id: string;
  topic: string;
  payload: Payload;
  tenantId: string | null;
  aggregateId: string | null;
  /** ISO 8601, UTC. */
  occurredAt: string;
}

export type EventHandler = (event: BusEvent) => Promise<void>;
export type Unsubscribe = () => Promise<void>;

/**
 * At-least-once delivery: every subscriber group gets each event of its topics at least once (one member of the
 * group handles it); a handler that throws sees the event again later. Handlers must be idempotent (runIdempotent).
 */
export interface EventBus {
  publish(events: BusEvent[]): Promise<void>;
  subscribe(group: string, topics: string[], handler: EventHandler): Promise<Unsubscribe>;
  close(): Promise<void>;
}

/** Where a bus reports handler failures it will retry (default: console.error). */
export type BusErrorHandler = (error: unknown, event?: BusEvent) => void;
