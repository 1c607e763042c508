import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';

/** One row of a batch's answer: the case and what was wrong with it. */
export interface PartnerBatchError {
  caseCode: string | null;
  error: string;
}

/**
 * A case batch the partner pushed (`push_batch_no`, partner § 2.1) with the answer it got: a repeat of the batch number
 * answers this and applies nothing (decisions.md § CCO, idempotent pushes).
 */
@Entity({ tableName: 'partner_push_batch' })
@Unique({ properties: ['tenantId', 'pushBatchNo'] })
export class PartnerPushBatch extends TenantScopedEntity {
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Property({ type: 'string', length: 64 })
  pushBatchNo!: string;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'integer' })
  total!: number;

  @Property({ type: 'integer' })
  success!: number;

  @Property({ type: 'integer' })
  failed!: number;

  @Property({ type: 'json' })
  errors!: PartnerBatchError[];
}
