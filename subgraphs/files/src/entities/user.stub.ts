import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** identity owns users; files names one by key (a file's owner) and adds the user's avatar (`User.avatar`). */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserStub {
  @Field(() => ID)
  id!: string;
}
