import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { ActivityContext } from '../activity.context';
import { Notification } from '../entities/notification.entity';
import { notificationFeed } from '../services/notification-feed.service';

@Resolver()
export class NotificationReceivedResolver {
  @Subscription(() => Notification, {
    description:
      "The caller's notifications as they are sent, and their tenant's announcements (and the platform-wide ones) as " +
      'they take effect: id `public-<id>`, category `announcement`, `publicNotificationId` set. With `after` (the id of ' +
      'the last one received, either kind), first those since, oldest first, then the live ones, each once; a catch-up ' +
      'of more than 200 completes after 200: subscribe again after the last one.',
    // The channel comes from the verified caller, never from an argument; subscribing anonymously throws here.
    subscribe: ({ args, context }: { args: { after?: string | null }; context: ActivityContext }) =>
      notificationFeed(context, args.after),
  })
  notificationReceived(
    @Root() notice: Notification,
    @Arg('after', () => ID, { nullable: true, description: 'Resume after this notification id.' }) _after?: string,
  ): Notification {
    return notice; // the feed made it the caller's notice
  }
}
