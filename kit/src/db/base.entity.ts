import type { Opt } from '@mikro-orm/core';
import { PrimaryKey } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import { TimestampedEntity } from './timestamped.entity';

/**
 * The default key: an auto-increment integer (`int unsigned`), as the CCO and 002 contracts address rows.
 * A number in JS, a string of digits on the wire (GraphQL `ID`). The id exists only after the flush that
 * inserts the row: flush before naming it in an event or a DataLoader key.
 */
@ObjectType()
export abstract class BaseEntity extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  override id!: number & Opt;
}
