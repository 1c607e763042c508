import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Marks an event as handled by one consumer; the composite key is what makes a second delivery a no-op. */
@Entity({ tableName: 'processed_event' })
export class ProcessedEvent {
  @PrimaryKey({ type: 'string', length: 100 })
  consumer!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  eventId!: string;

  @Property({ type: DateTimeType, length: 3 })
  processedAt: Date & Opt = new Date();
}
