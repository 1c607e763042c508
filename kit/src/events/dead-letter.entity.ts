import { DateTimeType, JsonType, type Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { uuidv7 } from '../db/uuidv7';
import type { BusEvent } from './bus-event';

/**
 * An event one of this subgraph's consumers kept failing after its bounded retries: kept in the consuming
 * subgraph's own database (beside processed_event), so it survives restarts with either bus, until an admin
 * replays it. Not tenant-filtered: the platform super admin alone reads it.
 * Shareable: every subgraph with consumers serves the same type, under its own root fields.
 */
@Directive('@shareable')
@ObjectType('DeadLetter', { description: 'An event a consumer kept failing, waiting to be replayed.' })
@Entity({ tableName: 'dead_letter' })
@Unique({ properties: ['consumer', 'eventId'] })
@Index({ properties: ['replayedAt', 'deadAt'] })
export class DeadLetter {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string & Opt = uuidv7();

  @Field({ description: 'The consumer that failed, unique within its subgraph.' })
  @Property({ type: 'string', length: 100 })
  consumer!: string;

  @Field({ description: 'The outbox id of the event.' })
  @Property({ type: 'string', length: 36 })
  eventId!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Property({ type: JsonType })
  payload!: unknown;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  tenantId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  aggregateId: string | null = null;

  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  occurredAt!: Date;

  @Field(() => Int, { description: 'Failed attempts, replays included.' })
  @Property({ type: 'integer' })
  attempts!: number;

  @Field({ description: 'The last failure, as the handler threw it.' })
  @Property({ type: 'text' })
  lastError!: string;

  @Field(() => Date, { description: 'When it was given up on (again, after a failed replay).' })
  @Property({ type: DateTimeType, length: 3 })
  deadAt: Date & Opt = new Date();

  @Field(() => Date, { nullable: true, description: 'When a replay succeeded; null while it waits.' })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  replayedAt: Date | null = null;

  @Field(() => String, { name: 'payload', description: 'The event payload as JSON text.' })
  get payloadJson(): string & Opt {
    return JSON.stringify(this.payload);
  }

  toBusEvent(): BusEvent {
    return {
      id: this.eventId,
      topic: this.topic,
      payload: this.payload,
      tenantId: this.tenantId,
      aggregateId: this.aggregateId,
      occurredAt: this.occurredAt.toISOString(),
    };
  }
}
