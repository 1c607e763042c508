import type { EntityManager } from '@mikro-orm/core';
import { startConsumers, type StartConsumersOptions } from './start-consumers';
import { startOutbox, type Outbox, type StartOutboxOptions } from './start-outbox';

export interface StartEventsOptions extends StartOutboxOptions {
  /** The subgraph's name: it prefixes its consumers' bus groups. */
  subgraph: string;
  consumers?: StartConsumersOptions['consumers'];
  retry?: StartConsumersOptions['retry'];
}

/**
 * A subgraph's whole event runtime on one bus: the outbox relay (under the database's lease) and its consumers
 * (bounded retries, dead letters). `close()` stops the consumers first, then the relay and the bus it owns.
 */
export async function startEvents(em: EntityManager, options: StartEventsOptions): Promise<Outbox> {
  const outbox = startOutbox(em, options);
  const { subgraph, consumers = [], retry, logger } = options;
  try {
    const started = await startConsumers({ subgraph, em, bus: outbox.bus, consumers, retry, logger });
    return {
      ...outbox,
      async close() {
        await started.close();
        await outbox.close();
      },
    };
  } catch (error) {
    await outbox.close();
    throw error;
  }
}
