import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { UserStub } from './user.stub';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// Every read names the recipient (and often unread); InnoDB appends the id, which orders the list.
@Index({ properties: ['recipientId', 'read'] })
// Integer ids (the kit's base), not UUIDs: the collector app and the CCO console address notifications by integer id.
export class Notification extends TenantScopedEntity {
  // Always a tenant's: no platform-wide notifications, so the kit's nullable column is narrowed (`nullable: false`
  // said outright: MikroORM would infer nullable from the base's `= null`).
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

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

  // Milliseconds kept, as the kit's timestamps: MariaDB's plain datetime would drop them and the value read back would differ.
  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  readAt?: Date | null;
}
