import { Resolver, Root, Subscription } from 'type-graphql';
import { callerOf, type ActivityContext } from '../activity.context';
import { Notification } from '../entities/notification.entity';
import { fromMessage, NOTIFICATION_RECEIVED, type NotificationMessage } from './notification-received.topic';

@Resolver()
export class NotificationReceivedResolver {
  @Subscription(() => Notification, {
    description: "The caller's notifications as they are sent.",
    topics: NOTIFICATION_RECEIVED,
    // The channel comes from the verified caller, never from an argument; subscribing anonymously throws here.
    topicId: ({ context }: { context: ActivityContext }) => callerOf(context).userId,
    // Belt and braces: even a message on the wrong channel never reaches anyone but its recipient.
    filter: ({ payload, context }: { payload: NotificationMessage; context: ActivityContext }) =>
      payload.recipientId === context.caller?.userId,
  })
  notificationReceived(@Root() message: NotificationMessage): Notification {
    return fromMessage(message);
  }
}
