import { join } from 'node:path';
import {
  defineSubgraph,
  forkForTenant,
  foreignRefConsumer,
  startPeriodicJob,
  USER_REFS,
  type RunningSubgraph,
  type SubgraphDeps,
} from '@platform/kit';
import type { ActivityContext, ActivityServices } from './activity.context';
import { activityConfigSchema, type ActivityConfig } from './config';
import { auditRecordedConsumer } from './consumers/audit-recorded.consumer';
import { notificationRequestedConsumer } from './consumers/notification-requested.consumer';
import { recipientDirectoryConsumer } from './consumers/recipient-directory.consumer';
import { ACTIVITY_ENTITIES } from './entities';
import { UserStub } from './entities/user.stub';
import { permissions } from './permissions';
import { AuditLogResolver } from './resolvers/audit-log.resolver';
import { LiveEventsResolver } from './resolvers/live-events.resolver';
import { NotificationReceivedResolver } from './resolvers/notification-received.resolver';
import { NotificationTemplateResolver } from './resolvers/notification-template.resolver';
import { notificationReference } from './resolvers/notification.reference';
import { NotificationResolver } from './resolvers/notification.resolver';
import { PublicNotificationResolver } from './resolvers/public-notification.resolver';
import { publishDueAnnouncements } from './services/announcement-broadcast.service';
import { sendDueReminders } from './services/reminder.service';

/**
 * Notifications (stored per recipient, delivered live over subscriptions, reminded while unread), their templates,
 * announcements, and the audit trail of every subgraph.
 */
export const activity = defineSubgraph<ActivityConfig, ActivityServices>({
  name: 'activity',
  config: activityConfigSchema,
  entities: ACTIVITY_ENTITIES,
  resolvers: [
    NotificationResolver,
    NotificationReceivedResolver,
    LiveEventsResolver,
    NotificationTemplateResolver,
    PublicNotificationResolver,
    AuditLogResolver,
  ],
  orphanedTypes: [UserStub],
  references: { Notification: notificationReference },
  permissions,
  migrations: join(__dirname, 'migrations'),
  consumers: [
    // Recipients are checked against identity's users as identity announces them (checkForeignRef).
    foreignRefConsumer([USER_REFS]),
    recipientDirectoryConsumer,
    notificationRequestedConsumer,
    auditRecordedConsumer,
  ],
  services({ config, orm, pubSub, logger }) {
    const runOnce = (now?: Date) => sendDueReminders(forkForTenant(orm.em, null), { pubSub, logger }, now);
    const job = startPeriodicJob(runOnce, config.REMINDER_POLL_SECONDS * 1000, logger, 'notification reminders');
    const publishOnce = (now?: Date) => publishDueAnnouncements(forkForTenant(orm.em, null), { pubSub, logger }, now);
    const announcing = startPeriodicJob(publishOnce, config.ANNOUNCEMENT_POLL_SECONDS * 1000, logger, 'announcements');
    return { reminders: { stop: job.stop, runOnce }, announcements: { stop: announcing.stop, runOnce: publishOnce } };
  },
  closeServices(services) {
    services.reminders.stop();
    services.announcements.stop();
    return Promise.resolve();
  },
});

export type ActivityRuntime = RunningSubgraph<ActivityConfig, ActivityContext['services'], ActivityContext>;
export type ActivityDeps = SubgraphDeps;
