export * from './bus-event';
export * from './dead-letter.entity';
export * from './dead-letter.resolver';
export * from './dead-letter.service';
export * from './dead-letter.store';
export * from './domain-event';
export * from './event-consumer';
export * from './in-process-bus';
export * from './outbox-commit.subscriber';
export * from './outbox-event.entity';
export * from './outbox-lease.entity';
export * from './outbox-relay';
export * from './processed-event.entity';
export * from './record-event';
export * from './redis-stream-bus';
export * from './relay-lease';
export * from './run-idempotent';
export * from './start-consumers';
export * from './start-outbox';

import { DeadLetter } from './dead-letter.entity';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxLease } from './outbox-lease.entity';
import { ProcessedEvent } from './processed-event.entity';

/** Add to a subgraph's `entities` so its schema (and migrations) carry the outbox, lease and consumer tables. */
export const eventEntities = [OutboxEvent, OutboxLease, ProcessedEvent, DeadLetter];
