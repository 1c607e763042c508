import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * What every kit entity has, whatever its key: an id and createdAt / updatedAt, exposed to GraphQL on every subclass.
 * The kit's bases are object types only so subclasses inherit their fields: unreachable from any resolver, they are
 * not in a schema.
 */
@ObjectType()
export abstract class TimestampedEntity {
  // GraphQL only, declared here so types list it first; BaseEntity and UuidEntity map it to their key column.
  @Field(() => ID)
  id!: number | string;

  // Millisecond precision (`datetime(3)`): MariaDB's plain `datetime` would drop it and make read-back values differ.
  // The DateTimeType class, not the string 'datetime': with the string, libSQL rows look dirty on every flush.
  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  createdAt: Date & Opt = new Date();

  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3, onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
