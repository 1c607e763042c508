import type { Opt } from '@mikro-orm/core';
import { Entity, Filter, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { tenantFilter } from './tenant.filter';
import { UserStub } from './user.stub';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
@Filter(tenantFilter)
// Every read names the recipient (and often unread); InnoDB appends the id, which orders the list.
@Index({ properties: ['recipientId', 'read'] })
export class Notification {
  // Integers, not UUIDs: the collector app and the CCO console address notifications by integer id.
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number & Opt;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 36 })
  recipientId!: string;

  // A reference only: the router fetches the user's fields from identity, so there is nothing to load here.
  @Field(() => UserStub)
  get recipient(): UserStub & Opt {
    return { id: this.recipientId };
  }

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field({ description: 'What the notice is about, e.g. work_log, repayment, system.' })
  @Property({ type: 'string', length: 50 })
  category!: string;

  // Stored as `is_read`: `read` is a reserved word in MySQL.
  @Field(() => Boolean)
  @Property({ type: 'boolean', fieldName: 'is_read' })
  read: boolean & Opt = false;

  // Milliseconds kept: MariaDB's plain datetime would drop them and the value read back would differ.
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  readAt?: Date | null;

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date & Opt = new Date();
}
