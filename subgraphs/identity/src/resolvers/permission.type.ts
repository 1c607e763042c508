import { Field, ObjectType } from 'type-graphql';

/** In the contract for clients that prefer objects; Role.permissions answers the codes as strings. */
@ObjectType()
export class Permission {
  @Field()
  code!: string;
}
