import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/** How a case came to a collector. */
export const ASSIGNMENT_KINDS = ['manual', 'auto', 'transfer', 'unassign'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** One step of a case's assignment history (assign, auto-assign, transfer, recall); never updated. */
@ObjectType()
@Entity({ tableName: 'case_assignment' })
@Index({ properties: ['tenantId', 'caseId', 'assignedAt'] })
@Index({ properties: ['tenantId', 'toCollectorId', 'assignedAt'] })
export class CaseAssignment extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  caseId!: number;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  fromCollectorId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  toCollectorId?: number | null;

  @Field(() => String)
  @Property({ type: 'string', length: 16 })
  kind!: AssignmentKind;

  /** auto-assign's strategy (balanced / performance / specialty). */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true })
  strategy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  reason?: string | null;

  /** identity user who did it; null for the system. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  assignedBy?: string | null;

  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  assignedAt: Date & Opt = new Date();
}
