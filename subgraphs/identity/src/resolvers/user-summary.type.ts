import { Field, ID, ObjectType } from 'type-graphql';

/**
 * What any signed-in user of a tenant may see of a colleague: enough to pick one (002 service staff choose the
 * sales user of a lead), nothing more — no e-mail, permissions, position or status.
 */
@ObjectType()
export class UserSummary {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field(() => String, { nullable: true, description: '002 nickname (= fullName).' })
  nickname!: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the primary role.' })
  roleCode!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
