import type { Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NotificationPriority } from './notification-priority.enum';

/**
 * A tenant's notification template (CCO 管理控台 10.1/10.2). `code` is the CCO `template_id` and the code a domain
 * event's notice names (`worklog.rated`); a tenant's own template of a code wins over the platform default
 * (default-templates.ts). Sent and read counts are not stored: they are counted from the notifications.
 */
@ObjectType()
@Entity()
@Unique({ properties: ['tenantId', 'code'] })
export class NotificationTemplate extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field({ description: 'CCO template_id, e.g. CASE_TAG_CHANGE or worklog.rated; unique in the tenant.' })
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Field({ description: 'CCO template_name.' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field({ description: 'CCO template_type; the notifications\' category.' })
  @Property({ type: 'string', length: 50 })
  type!: string;

  @Field(() => String, { nullable: true, description: 'Title with {placeholders}; the template name when absent.' })
  @Property({ type: 'string', length: 200, nullable: true })
  titleTemplate?: string | null;

  @Field({ description: 'Content with {placeholders}, e.g. 案件 {case_code} 的标签已变更为 {tag_name}.' })
  @Property({ type: 'text' })
  contentTemplate!: string;

  @Field(() => String, { description: 'Who it is meant for, e.g. collector, admin, all.' })
  @Property({ type: 'string', length: 30 })
  targetType: string & Opt = 'collector';

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  forcedRead: boolean & Opt = false;

  @Field(() => Int, { nullable: true, description: 'Minutes between reminders while unread.' })
  @Property({ type: 'integer', nullable: true })
  repeatIntervalMinutes?: number | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  maxRemindCount: number & Opt = 0;

  @Field(() => NotificationPriority)
  @Property({ type: 'string', length: 10 })
  priority: NotificationPriority & Opt = NotificationPriority.medium;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  displayDurationSeconds?: number | null;

  @Field(() => String, { nullable: true, description: 'Where a tap leads, with {placeholders}.' })
  @Property({ type: 'string', length: 500, nullable: true })
  actionUrlTemplate?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  enabled: boolean & Opt = true;
}
