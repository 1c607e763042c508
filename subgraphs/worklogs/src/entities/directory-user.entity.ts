import { DateTimeType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * identity's user as far as worklogs needs it: tenant, position (who supervises whom) and name (the rating notice).
 * Fed only by identity's events (org-directory.consumer.ts); worklogs never reads identity's tables.
 * Not tenant-filtered: every read names the tenant itself.
 */
@Entity({ tableName: 'directory_user' })
@Index({ properties: ['tenantId', 'positionId'] })
export class DirectoryUser {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  tenantId!: number | null;

  @Property({ type: 'string', length: 64 })
  username!: string;

  @Property({ type: 'string', length: 128, nullable: true })
  fullName!: string | null;

  @Property({ type: 'integer', nullable: true })
  positionId!: number | null;

  /** false once deleted; the row stays so a late, older event cannot bring it back. */
  @Property({ type: 'boolean' })
  present!: boolean;

  /** When the last event applied happened; an older event is stale and ignored. */
  @Property({ type: DateTimeType, length: 3 })
  asOf!: Date;
}
