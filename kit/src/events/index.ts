export * from './bus-event';
export * from './in-process-bus';
export * from './outbox-commit.subscriber';
export * from './outbox-event.entity';
export * from './outbox-relay';
export * from './processed-event.entity';
export * from './record-event';
export * from './redis-stream-bus';
export * from './run-idempotent';
export * from './start-outbox';

import { OutboxEvent } from './outbox-event.entity';
import { ProcessedEvent } from './processed-event.entity';

/** Add to a subgraph's `entities` so its schema (and migrations) carry the outbox tables. */
export const eventEntities = [OutboxEvent, ProcessedEvent];
