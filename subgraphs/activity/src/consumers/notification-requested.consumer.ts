import { NOTIFICATION_REQUESTED, type EventConsumer, type NotificationRequestedPayload } from '@platform/kit';
import { priorityOf } from '../entities/notification-priority.enum';
import { deliverNotices } from '../services/notification-delivery.service';
import { renderNotice, templateFor } from '../services/notification-template.service';
import { resolveRecipients } from '../services/recipients.service';

/**
 * `notification.requested` (recordDomainEvent's notices): renders the tenant's template of the notice's code (or
 * the platform default), stores one notification per recipient and delivers them live after the commit. The kit
 * runs it once per event id, so a redelivered event sends nothing twice. A code without any template fails, and
 * after its retries the event waits as a dead letter until the template exists and the super admin replays it.
 */
export const notificationRequestedConsumer: EventConsumer = {
  name: 'notification-requested',
  topics: [NOTIFICATION_REQUESTED],
  async handle(event, em, scope) {
    const notice = event.payload as NotificationRequestedPayload;
    const tenantId = Number(event.tenantId);
    // Notifications always belong to a tenant; a platform-level event names no one to tell.
    if (!event.tenantId || !Number.isSafeInteger(tenantId)) return;
    const template = await templateFor(em, tenantId, notice.template);
    if (!template) return; // the tenant disabled this notice
    const recipients = await resolveRecipients(em, tenantId, notice.recipients ?? {});
    if (!recipients.length) return;
    const content = renderNotice(template, notice.params ?? {});
    if (notice.category) content.category = notice.category;
    content.priority = priorityOf(notice.priority) ?? content.priority;
    await deliverNotices(em, tenantId, recipients, content, {
      pubSub: scope.pubSub,
      logger: scope.logger,
      afterCommit: scope.afterCommit,
      live: notice.live,
    });
  },
};
