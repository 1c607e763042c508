import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { NotificationPriority } from './notification-priority.enum';
import { UserStub } from './user.stub';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// Every read names the recipient (and often unread); InnoDB appends the id, which orders the list.
@Index({ properties: ['recipientId', 'read'] })
// The reminder job's scan: unread ones whose next reminder is due.
@Index({ properties: ['read', 'nextRemindAt'] })
// Sent and read counts per template (NotificationTemplate.totalSent / totalRead).
@Index({ properties: ['tenantId', 'templateCode'] })
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

  @Field({ description: 'What the notice is about, e.g. work_log, repayment, case_assignment, system.' })
  @Property({ type: 'string', length: 50 })
  category!: string;

  @Field(() => NotificationPriority)
  @Property({ type: 'string', length: 10 })
  priority: NotificationPriority & Opt = NotificationPriority.medium;

  @Field(() => Boolean, { description: 'The client keeps it on screen until the recipient reads it.' })
  @Property({ type: 'boolean' })
  forcedRead: boolean & Opt = false;

  @Field(() => String, { nullable: true, description: 'The template it was rendered from (its code).' })
  @Property({ type: 'string', length: 64, nullable: true })
  templateCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the client goes on a tap, e.g. /cases/1.' })
  @Property({ type: 'string', length: 500, nullable: true })
  actionUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'How long a client shows the pop-up, in seconds.' })
  @Property({ type: 'integer', nullable: true })
  displayDurationSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between reminders while unread (null: none).' })
  @Property({ type: 'integer', nullable: true })
  remindIntervalMinutes?: number | null;

  @Field(() => Int, { description: 'Reminders at most.' })
  @Property({ type: 'integer' })
  maxRemindCount: number & Opt = 0;

  @Field(() => Int, { description: 'Reminders sent so far.' })
  @Property({ type: 'integer' })
  remindCount: number & Opt = 0;

  // When the reminder job re-notifies next; null once read or out of reminders.
  @Property({ type: DateTimeType, length: 3, nullable: true })
  nextRemindAt?: Date | null;

  // Stored as `is_read`: `read` is a reserved word in MySQL.
  @Field(() => Boolean)
  @Property({ type: 'boolean', fieldName: 'is_read' })
  read: boolean & Opt = false;

  // Milliseconds kept, as the kit's timestamps: MariaDB's plain datetime would drop them and the value read back would differ.
  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  readAt?: Date | null;

  // Not stored: set only on an announcement delivered on a live feed (its id is then `public-<this id>`).
  @Field(() => ID, {
    nullable: true,
    description: 'Set when this notice is an announcement (category `announcement`): mark it read with markPublicNotificationRead.',
  })
  publicNotificationId?: number | null;
}
