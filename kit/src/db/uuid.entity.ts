import type { Opt } from '@mikro-orm/core';
import { PrimaryKey } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import { TimestampedEntity } from './timestamped.entity';
import { uuidv7 } from './uuidv7';

/** For domains whose contracts use UUID ids (001 sales): a UUID v7 set at construction, before any flush. */
@ObjectType()
export abstract class UuidEntity extends TimestampedEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  override id: string & Opt = uuidv7();
}
