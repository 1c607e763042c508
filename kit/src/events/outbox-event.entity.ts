import { DateTimeType, JsonType, type Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { uuidv7 } from '../db/uuidv7';

/**
 * An event written in the same transaction as the business change it describes, so the change and its
 * announcement commit or roll back together; the relay publishes it afterwards. Not tenant-filtered:
 * the relay works for every tenant.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['publishedAt', 'occurredAt'] })
export class OutboxEvent {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string & Opt = uuidv7();

  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  aggregateId: string | null = null;

  @Property({ type: JsonType })
  payload!: unknown;

  @Property({ type: 'string', length: 36, nullable: true })
  tenantId: string | null = null;

  @Property({ type: DateTimeType, length: 3 })
  occurredAt: Date & Opt = new Date();

  @Property({ type: DateTimeType, length: 3, nullable: true })
  publishedAt: Date | null = null;

  /** Failed publish attempts, for operators spotting an event the bus keeps refusing. */
  @Property({ type: 'integer' })
  attempts: number & Opt = 0;
}
