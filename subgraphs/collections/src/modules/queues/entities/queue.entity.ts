import { type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A case queue (案件队列): the cases whose overdue days fall in [start, end] (CCO admin § 7). */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'case_queue' })
@Unique({ properties: ['tenantId', 'queueCode'] })
@Index({ properties: ['tenantId', 'overdueDaysStart'] })
export class Queue extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  queueCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  queueName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  queueNameEn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  queueDescription?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  overdueDaysStart!: number;

  /** null: no upper bound. */
  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  overdueDaysEnd?: number | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sortOrder: number & Opt = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean & Opt = true;
}
