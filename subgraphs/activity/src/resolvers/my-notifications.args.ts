import { PageArgs } from '@platform/kit';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class MyNotificationsArgs extends PageArgs({ size: 20, required: true }) {
  @Field({ nullable: true, description: 'Only notifications not yet read.' })
  unreadOnly?: boolean;
}
