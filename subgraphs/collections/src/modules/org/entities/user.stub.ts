import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** identity owns users; collections names one by key (a collector's account) and the router resolves the rest. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class UserStub {
  @Field(() => ID)
  id!: string;
}
