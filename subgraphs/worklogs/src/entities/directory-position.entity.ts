import { DateTimeType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** identity's position tree, as identity announces it (`position.changed`): who reports to whom. */
@Entity({ tableName: 'directory_position' })
@Index({ properties: ['tenantId', 'parentId'] })
export class DirectoryPosition {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  tenantId!: number | null;

  @Property({ type: 'integer', nullable: true })
  parentId!: number | null;

  @Property({ type: 'boolean' })
  present!: boolean;

  @Property({ type: DateTimeType, length: 3 })
  asOf!: Date;
}
