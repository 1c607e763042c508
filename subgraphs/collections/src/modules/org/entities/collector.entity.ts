import { DateTimeType, JsonType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** What a staff profile is for: a collector works cases; the others lead a team, a team group or an agency. */
export const STAFF_POSITIONS = ['collector', 'team_leader', 'spv', 'agency_admin'] as const;
export type StaffPosition = (typeof STAFF_POSITIONS)[number];

/** The document's work statuses (6.1 `status`: active / 休假 on leave / 离职 left). */
export const WORK_STATUSES = ['active', 'on_leave', 'resigned'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

/** The collector app's presence (9.5 工作状态: 在线 / 忙碌 / 离开 / 下班), set by the collector; distinct from `status`. */
export const PRESENCE_STATUSES = ['online', 'busy', 'away', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/**
 * A collector (催员): the collections work profile of an identity user (`userId`). Names, login ids, passwords and
 * sign-in times stay in identity; this row holds the agency, team, level, capacity, specialties and work status.
 * Team leaders, SPVs and agency admins have a profile too (`position`): it tells which agency / team group / team
 * their data scope covers.
 */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'collector' })
@Unique({ properties: ['tenantId', 'collectorCode'] })
@Unique({ properties: ['tenantId', 'userId'] })
@Index({ properties: ['tenantId', 'agencyId', 'status'] })
@Index({ properties: ['tenantId', 'teamId', 'status'] })
export class Collector extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  /** identity's user (its login, name, mobile, e-mail). */
  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  userId!: string;

  @Field(() => ID)
  @Property({ type: 'integer' })
  agencyId!: number;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamId?: number | null;

  /** Denormalised from the team (or set directly for an SPV), so scope filters need no join. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamGroupId?: number | null;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  collectorCode!: string;

  /** Shown in lists (a copy of identity's full name, refreshed by identity's user events). */
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  collectorName!: string;

  /** The work mobile the console shows (identity's account has none): what a team lead or SPV is reached on. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  mobile?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  employeeNo?: string | null;

  /** Why the profile was last disabled (6.6 `reason`). */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  disabledReason?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  collectorLevel?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 20 })
  position: StaffPosition & Opt = 'collector';

  @Field(() => Int)
  @Property({ type: 'integer' })
  maxCaseCount: number & Opt = 100;

  /** Cases currently assigned (kept by assignment in the same transaction). */
  @Field(() => Int)
  @Property({ type: 'integer' })
  currentCaseCount: number & Opt = 0;

  @Field(() => [String])
  @Property({ type: JsonType })
  specialties: string[] & Opt = [];

  @Field(() => String, { description: 'active, on_leave or resigned.' })
  @Property({ type: 'string', length: 20 })
  status: WorkStatus & Opt = 'active';

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean & Opt = true;

  /** 0–5, recomputed from results. */
  @Field(() => Number, { nullable: true })
  @Property({ type: 'double', nullable: true })
  performanceScore?: number | null;

  @Field(() => String, { description: 'The app presence: online, busy, away or offline (the collector sets it; offline until then).' })
  @Property({ type: 'string', length: 16 })
  workStatus: PresenceStatus & Opt = 'offline';

  @Field(() => Date, { nullable: true, description: 'When workStatus last changed.' })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  workStatusAt?: Date | null;

  /** Last thing the collector did in the platform (a communication, a PTP, an app call): the idle monitor reads it. */
  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  lastActivityAt?: Date | null;
}
