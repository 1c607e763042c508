import type { EntityManager } from '@mikro-orm/core';
import type { PubSub } from 'type-graphql';
import type { Logger } from '../logging';
import type { BusEvent, EventBus, EventHandler, Unsubscribe } from './bus-event';
import { recordDeadLetter } from './dead-letter.store';
import { type EventConsumer, handleOnce } from './event-consumer';

export interface RetryPolicy {
  /** Attempts before the event becomes a dead letter (default 5). */
  maxAttempts: number;
  /** Wait after the first failure, doubled after each further one up to maxBackoffMs (default 200 ms, 5 s). */
  minBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, minBackoffMs: 200, maxBackoffMs: 5000 };

export interface StartConsumersOptions {
  /** The subgraph's name: with the consumer's, the bus group, so two subgraphs' consumers never share one. */
  subgraph: string;
  /** The root EntityManager of the subgraph's database (processed events and dead letters live there). */
  em: EntityManager;
  bus: EventBus;
  consumers: readonly EventConsumer[];
  /**
   * Retries happen while the bus holds the event unacknowledged: with Redis keep their total back-off well below
   * the bus's claimIdleMs (30 s by default), or another instance claims the event meanwhile (harmless, only wasteful).
   */
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
  /** Handed to the handlers (ConsumerScope) for live notices after their commit. */
  pubSub?: PubSub;
}

export interface Consumers {
  /** Unsubscribes every consumer; an event in its back-off is left unacknowledged, for a later delivery. */
  close(): Promise<void>;
}

/**
 * Subscribes a subgraph's consumers. Each event is handled once per consumer (handleOnce); a failing handler is
 * retried with exponential back-off, and after `maxAttempts` the event is kept as a dead letter in the subgraph's
 * database and acknowledged, so one poison event neither blocks its group forever nor disappears. Only when even
 * the dead letter cannot be written does the bus get the failure, and it delivers the event again later.
 */
export async function startConsumers(options: StartConsumersOptions): Promise<Consumers> {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const stopping = new AbortController();
  const unsubscribes: Unsubscribe[] = [];
  for (const consumer of options.consumers) {
    const handler = withRetries(consumer, options, retry, stopping.signal);
    unsubscribes.push(await options.bus.subscribe(`${options.subgraph}.${consumer.name}`, consumer.topics, handler));
  }
  return {
    async close() {
      stopping.abort();
      await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
    },
  };
}

function withRetries(
  consumer: EventConsumer,
  { em, logger, pubSub }: StartConsumersOptions,
  retry: RetryPolicy,
  stopping: AbortSignal,
): EventHandler {
  return async (event: BusEvent) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await handleOnce(em, consumer, event, { pubSub, logger });
        return;
      } catch (error) {
        const context = { err: error, consumer: consumer.name, eventId: event.id, topic: event.topic, attempt };
        if (attempt >= retry.maxAttempts) {
          logger?.error(context, 'event consumer gave up: kept as a dead letter');
          await recordDeadLetter(em, consumer.name, event, attempt, error);
          return;
        }
        logger?.warn(context, 'event consumer failed, will retry');
        const backoff = Math.min(retry.maxBackoffMs, retry.minBackoffMs * 2 ** (attempt - 1));
        await sleep(backoff, stopping);
      }
    }
  };
}

/** Rejects when stopping, so the event stays unacknowledged rather than counting as handled. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('consumers stopping'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('consumers stopping'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
