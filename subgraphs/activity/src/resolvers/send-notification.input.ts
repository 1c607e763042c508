import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PATTERN } from '@platform/kit';

@InputType()
export class SendNotificationInput {
  // identity's ids are positive integers (as ID strings); anything else cannot name a user.
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'recipientId must be a user id' })
  recipientId!: string;

  @Field()
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @Field()
  @Matches(/\S/, { message: 'body must not be empty' })
  @MaxLength(10_000)
  body!: string;

  @Field({ defaultValue: 'system' })
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'category must be a lower_snake_case code' })
  @MaxLength(50)
  category: string = 'system';

  @Field(() => ID, {
    nullable: true,
    description: "The recipient's tenant: required from a platform administrator, otherwise the caller's own.",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'tenantId must be a tenant id' })
  tenantId?: string;
}
