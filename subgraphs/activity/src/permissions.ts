import { can, isAuthenticated, type IRules } from '@platform/kit';

/** Every field names its rule (the kit refuses to build otherwise); ownership is checked in the service. */
export const permissions: IRules = {
  Query: {
    myNotifications: isAuthenticated,
    notification: isAuthenticated,
  },
  Mutation: {
    sendNotification: can('notifications:send'),
    markNotificationRead: isAuthenticated,
  },
  Subscription: {
    notificationReceived: isAuthenticated,
  },
  Notification: isAuthenticated,
  NotificationPage: isAuthenticated,
  User: isAuthenticated,
};
