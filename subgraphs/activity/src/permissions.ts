import { can, isAuthenticated, type IRules } from '@platform/kit';

/**
 * Every field names its rule (the kit refuses to build otherwise); ownership is checked in the service. Tenant
 * admins hold `*`, so they hold every code named here.
 */
export const permissions: IRules = {
  Query: {
    myNotifications: isAuthenticated,
    notification: isAuthenticated,
    notificationTemplates: can('notifications:manage'),
    publicNotifications: can('notifications:manage'),
    currentPublicNotifications: isAuthenticated,
    auditLogs: can('audit:read'),
  },
  Mutation: {
    sendNotification: can('notifications:send'),
    pushNotification: can('notifications:send'),
    markNotificationRead: isAuthenticated,
    markNotificationsRead: isAuthenticated,
    createNotificationTemplate: can('notifications:manage'),
    createPublicNotification: can('notifications:manage'),
    markPublicNotificationRead: isAuthenticated,
  },
  Subscription: {
    notificationReceived: isAuthenticated,
    repaymentReceived: isAuthenticated,
    caseAssigned: isAuthenticated,
    ptpDue: isAuthenticated,
  },
  Notification: isAuthenticated,
  NotificationPage: isAuthenticated,
  NotificationTemplate: can('notifications:manage'),
  NotificationTemplatePage: can('notifications:manage'),
  PublicNotification: isAuthenticated,
  PublicNotificationPage: isAuthenticated,
  AuditEntry: can('audit:read'),
  AuditEntryPage: can('audit:read'),
  RepaymentReceivedEvent: isAuthenticated,
  CaseAssignedEvent: isAuthenticated,
  PtpDueEvent: isAuthenticated,
  User: isAuthenticated,
};
