import { afterCommit, targetTenantId } from '@platform/kit';
import type { ActivityContext } from '../activity.context';
import { ActivityErrors } from '../activity.errors';
import type { Notification } from '../entities/notification.entity';
import type { PushNotificationInput } from '../resolvers/push-notification.input';
import { deliverNotices } from './notification-delivery.service';
import { renderNotice, templateFor } from './notification-template.service';
import { resolveRecipients } from './recipients.service';
import type { TemplateParams } from './template-render';

/** CCO 10.3: renders the template for each user the targets name in the tenant and delivers the notices. */
export async function pushNotification(ctx: ActivityContext, input: PushNotificationInput): Promise<Notification[]> {
  const tenantId = await targetTenantId(ctx, input.tenantId, 'tenantId');
  const template = await templateFor(ctx.em, tenantId, input.templateCode);
  if (!template) throw ActivityErrors.templateDisabled(input.templateCode);
  const recipients = await resolveRecipients(ctx.em, tenantId, {
    userIds: input.userIds ?? [],
    teamIds: input.teamIds ?? [],
    agencyIds: input.agencyIds ?? [],
    roles: input.roles ?? [],
  });
  if (!recipients.length) throw ActivityErrors.noRecipients();
  return deliverNotices(ctx.em, tenantId, recipients, renderNotice(template, paramsOf(input.variables)), {
    pubSub: ctx.pubSub,
    logger: ctx.logger,
    afterCommit: (task) => afterCommit(ctx, task),
  });
}

/** Only scalar values fill placeholders; objects and arrays are not text. */
function paramsOf(variables: Record<string, unknown> | null | undefined): TemplateParams {
  const params: TemplateParams = {};
  for (const [key, value] of Object.entries(variables ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || value === null) params[key] = value;
    else if (typeof value === 'boolean') params[key] = String(value);
  }
  return params;
}
