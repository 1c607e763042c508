import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * identity owns users; collections names one by key (a collector's account) and adds to it the user's collections
 * work profile (`User.collectorProfile`), so the router resolves a User by id here too.
 */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserStub {
  @Field(() => ID)
  id!: string;
}
