import { DateTimeType, JsonType } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One entry of the audit trail, from an `audit.recorded` event of any subgraph (recordDomainEvent). Written only
 * by that consumer; never changed afterwards.
 */
@ObjectType()
@Entity()
// The filters auditLogs offers, each newest first within the tenant.
@Index({ properties: ['tenantId', 'resourceType', 'resourceId', 'occurredAt'] })
@Index({ properties: ['tenantId', 'actorId', 'occurredAt'] })
@Index({ properties: ['tenantId', 'occurredAt'] })
@Unique({ properties: ['eventId'] })
export class AuditEntry extends TenantScopedEntity {
  @Field(() => ID, { nullable: true, description: 'null: a platform-level change.' })
  declare tenantId: number | null;

  // The audit.recorded event: one entry per event, whatever the deliveries.
  @Property({ type: 'string', length: 36 })
  eventId!: string;

  @Field({ description: 'The subgraph that owns the resource.' })
  @Property({ type: 'string', length: 50 })
  source!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  actorName?: string | null;

  @Field({ description: 'e.g. create, update, delete, rate, login.' })
  @Property({ type: 'string', length: 50 })
  action!: string;

  @Field({ description: 'e.g. lead, worklog, user.' })
  @Property({ type: 'string', length: 50 })
  resourceType!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 64 })
  resourceId!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: JsonType, nullable: true })
  before?: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: JsonType, nullable: true })
  after?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  requestId?: string | null;

  @Field(() => Date, { description: 'When the change happened (the event\'s time).' })
  @Property({ type: DateTimeType, length: 3 })
  occurredAt!: Date;
}
