import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '../logging';
import type { EventBus } from './bus-event';
import { InProcessBus, type InProcessBusOptions } from './in-process-bus';
import { OutboxRelay } from './outbox-relay';
import type { RelayLeaseOptions } from './relay-lease';

export interface StartOutboxOptions {
  /** The process's bus (the launcher's Redis Streams or in-process one); default: an InProcessBus owned here. */
  bus?: EventBus;
  logger?: Logger;
  /** The relay lease (default on: one publishing relay per database however many instances run). */
  lease?: RelayLeaseOptions | false;
  /** The relay's idle poll period (OutboxRelayOptions.pollIntervalMs). */
  pollIntervalMs?: number;
}

export interface Outbox {
  bus: EventBus;
  relay: OutboxRelay;
  /** Stops the relay (after its current batch) and closes the bus if it was made here. Call before closing the ORM. */
  close(): Promise<void>;
}

/**
 * A runtime's outbox publishing: a started relay over the ORM behind `em`, publishing after every commit that
 * recorded events and polling for what a crash or a bus outage left behind.
 */
export function startOutbox(em: EntityManager, options: StartOutboxOptions = {}): Outbox {
  const { logger } = options;
  // Without a logger the bus and the relay report to the console, their defaults.
  const onHandlerError: InProcessBusOptions['onError'] = (err, event) =>
    logger?.error({ err, eventId: event?.id }, 'event handler failed, will retry');
  const ownBus = options.bus ? undefined : new InProcessBus(logger ? { onError: onHandlerError } : {});
  const bus = options.bus ?? ownBus!;
  const relay = new OutboxRelay({
    em,
    bus,
    lease: options.lease,
    ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
    ...(logger && { onError: (err: unknown) => logger.warn({ err }, 'outbox relay: publish failed, will retry') }),
  });
  relay.start();
  return {
    bus,
    relay,
    async close() {
      await relay.stop();
      await ownBus?.close();
    },
  };
}
