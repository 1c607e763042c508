import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CompletionStatus } from './completion-status.enum';

/** One employee's account of one working day (004 工作日志), and their supervisor's rating of it. */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// One log per employee per day: the index is also what answers a concurrent second create with a conflict.
@Unique({ properties: ['tenantId', 'employeeId', 'logDate'] })
// Lists read by employee and date range; the export pages by id.
@Index({ properties: ['tenantId', 'logDate'] })
export class WorkLog extends TenantScopedEntity {
  // Always a tenant's: an employee belongs to one.
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  /** identity's user id (digits). */
  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  employeeId!: string;

  /**
   * The day, `YYYY-MM-DD` (UTC, as 004 keeps time). Stored as that text: it orders and compares as the date does on
   * every database, and no driver shifts it by a time zone.
   */
  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  logDate!: string;

  @Field()
  @Property({ type: 'text' })
  workContent!: string;

  @Field(() => CompletionStatus)
  @Property({ type: 'string', length: 16 })
  completionStatus: CompletionStatus & Opt = CompletionStatus.completed;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  problemsEncountered: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  tomorrowPlan: string | null = null;

  @Field(() => Int, { nullable: true, description: '1–5' })
  @Property({ type: 'integer', nullable: true })
  selfRating: number | null = null;

  @Field(() => Int, { nullable: true, description: "1–5, the supervisor's" })
  @Property({ type: 'integer', nullable: true })
  supervisorRating: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  supervisorComment: string | null = null;

  /** Who rated it (identity's user id). */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  supervisorId: string | null = null;

  @Field(() => Date, { nullable: true, description: 'Set once rated; the log is then frozen.' })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  ratedAt: Date | null = null;
}
