import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** identity owns users; leads only names one by key and the router resolves the rest. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class UserStub {
  @Field(() => ID)
  id!: string;
}
