import { PageArgs } from '@platform/kit';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only notifications not yet read.' })
  unreadOnly?: boolean;
}
