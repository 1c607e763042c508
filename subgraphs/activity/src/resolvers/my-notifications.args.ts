import { IsOptional, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '@platform/kit';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class MyNotificationsArgs extends PageArgs({ size: 20, required: true }) {
  @Field({ nullable: true, description: 'Only notifications not yet read.' })
  unreadOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only read (true) or unread (false) ones.' })
  read?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only this category (the collector app\'s notification_type).' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'category must be a lower_snake_case code' })
  @MaxLength(50)
  category?: string | null;
}
