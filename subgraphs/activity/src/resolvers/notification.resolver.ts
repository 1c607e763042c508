import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ActivityContext } from '../activity.context';
import { NotificationPage } from './pages';
import { Notification } from '../entities/notification.entity';
import * as notifications from '../services/notification.service';
import { pushNotification } from '../services/push.service';
import { MyNotificationsArgs } from './my-notifications.args';
import { PushNotificationInput } from './push-notification.input';
import { SendNotificationInput } from './send-notification.input';

@Resolver()
export class NotificationResolver {
  @Query(() => NotificationPage, { description: "The caller's own notifications, newest first." })
  myNotifications(@Args() args: MyNotificationsArgs, @Ctx() ctx: ActivityContext) {
    return notifications.listMyNotifications(ctx, args);
  }

  @Query(() => Notification, { description: "One of the caller's own notifications." })
  notification(@Arg('id', () => ID) id: string, @Ctx() ctx: ActivityContext) {
    return notifications.findOwnNotification(ctx, id);
  }

  @Mutation(() => Notification, { description: 'Stores a notification and delivers it live to its recipient.' })
  sendNotification(@Arg('input') input: SendNotificationInput, @Ctx() ctx: ActivityContext) {
    return notifications.sendNotification(ctx, input);
  }

  @Mutation(() => [Notification], {
    description: "A template's notice to users, teams, agencies or roles of the tenant (CCO 10.3); one notification per user.",
  })
  pushNotification(@Arg('input') input: PushNotificationInput, @Ctx() ctx: ActivityContext) {
    return pushNotification(ctx, input);
  }

  @Mutation(() => Notification, { description: 'Marks one of the caller\'s own notifications read (idempotent).' })
  markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() ctx: ActivityContext) {
    return notifications.markNotificationRead(ctx, id);
  }

  @Mutation(() => [Notification], { description: "Marks 1–100 of the caller's notifications read; all or none." })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: ActivityContext) {
    return notifications.markNotificationsRead(ctx, ids);
  }
}
