import { DateTimeType, JsonType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The partner § 4 write-backs, each with its path on the tenant's core system. */
export const DELIVERY_KINDS = {
  communication: '/api/collection/communications',
  ptp: '/api/collection/ptp',
  result: '/api/collection/results',
  case_status: '/api/collection/case-status',
} as const;
export type DeliveryKind = keyof typeof DELIVERY_KINDS;

/**
 * One write-back to a tenant's core system (partner § 4), kept until it is delivered: `pending` (waiting for its
 * first try or its next one at `nextAttemptAt`), `delivered`, or `failed` (the core refused it, or it ran out of
 * attempts). A case's deliveries go out in id order: a pending one holds back the later ones of its case.
 * `claimedUntil` is the lease of the instance sending it (several collections instances share the table).
 */
@Entity({ tableName: 'integration_delivery' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['tenantId', 'caseId', 'status'] })
@Index({ properties: ['tenantId', 'status', 'id'] })
export class IntegrationDelivery extends TenantScopedEntity {
  @Property({ type: 'integer', nullable: false })
  override tenantId!: number;

  @Property({ type: 'integer' })
  caseId!: number;

  @Property({ type: 'string', length: 64 })
  caseCode!: string;

  @Property({ type: 'string', length: 32 })
  kind!: DeliveryKind;

  @Property({ type: 'string', length: 200 })
  targetPath!: string;

  @Property({ type: JsonType })
  body!: Record<string, unknown>;

  /** The event it came from: one event makes its deliveries once. */
  @Property({ type: 'string', length: 64, nullable: true })
  sourceEventId?: string | null;

  @Property({ type: 'string', length: 16 })
  status: DeliveryStatus & Opt = 'pending';

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: DateTimeType, length: 3 })
  nextAttemptAt!: Date;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: DateTimeType, length: 3, nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: DateTimeType, length: 3, nullable: true })
  claimedUntil?: Date | null;

  /** Which claim holds it: only that claim's sender records the outcome. */
  @Property({ type: 'string', length: 36, nullable: true })
  claimToken?: string | null;
}
