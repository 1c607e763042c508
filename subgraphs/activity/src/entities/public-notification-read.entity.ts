import { DateTimeType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** That one user has read one announcement (read state per user; the announcement itself is shared). */
@Entity()
export class PublicNotificationRead {
  @PrimaryKey({ type: 'integer' })
  publicNotificationId!: number;

  @PrimaryKey({ type: 'string', length: 36 })
  userId!: string;

  @Property({ type: 'integer', index: true })
  tenantId!: number;

  @Property({ type: DateTimeType, length: 3 })
  readAt!: Date;
}
