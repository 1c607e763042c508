import { JsonType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/** The document's feedback types (CCO app § 12.2). */
export const FEEDBACK_TYPES = ['bug', 'feature', 'complaint', 'other'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

@ObjectType({ description: 'The device a feedback was sent from, as the app reported it.' })
export class FeedbackDevice {
  @Field(() => String, { nullable: true })
  deviceModel?: string | null;

  @Field(() => String, { nullable: true })
  osVersion?: string | null;

  @Field(() => String, { nullable: true })
  appVersion?: string | null;
}

/** A collector's feedback from the app (意见反馈), kept for the tenant's admins. */
@ObjectType()
@Entity({ tableName: 'app_feedback' })
@Index({ properties: ['tenantId', 'createdAt'] })
export class AppFeedback extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID, { description: 'The identity user who sent it.' })
  @Property({ type: 'string', length: 64 })
  userId!: string;

  @Field(() => ID, { nullable: true, description: 'Their collections staff profile, if any.' })
  @Property({ type: 'integer', nullable: true })
  collectorId?: number | null;

  @Field(() => String, { description: 'bug, feature, complaint or other.' })
  @Property({ type: 'string', length: 16 })
  feedbackType!: FeedbackType;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  content!: string;

  @Field(() => [String], { description: 'Links to screenshots the app uploaded.' })
  @Property({ type: JsonType })
  images: string[] & Opt = [];

  @Field(() => FeedbackDevice, { nullable: true })
  @Property({ type: JsonType, nullable: true })
  deviceInfo?: FeedbackDevice | null;
}
