import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A reviewer's score of one communication (质检); the quality dashboard counts them. */
@ObjectType()
@Entity({ tableName: 'quality_inspection' })
@Index({ properties: ['tenantId', 'createdAt'] })
@Index({ properties: ['tenantId', 'collectorId', 'createdAt'] })
export class QualityInspection extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer', index: true })
  communicationId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  caseId!: number;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  collectorId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  agencyId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamId?: number | null;

  /** identity user who reviewed. */
  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  reviewerId!: string;

  @Field(() => Int, { description: '0–100.' })
  @Property({ type: 'integer' })
  score!: number;

  @Field(() => String, { description: '优秀 (≥ 90), 良好 (≥ 75), 一般 (≥ 60) or 较差, from the score.' })
  @Property({ type: 'string', length: 16 })
  result!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  comments?: string | null;
}
