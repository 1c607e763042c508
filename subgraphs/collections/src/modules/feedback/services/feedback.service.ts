import { pageWindow, toPage, type Paged, type PageWindow } from '@platform/kit';
import type { FilterQuery } from '@mikro-orm/core';
import { callerOf, type CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { scopeOf } from '../../org/services/scope';
import { AppFeedback, type FeedbackType } from '../entities/app-feedback.entity';
import type { SubmitFeedbackInput } from '../resolvers/feedback.inputs';

/** Stores a signed-in tenant member's feedback with who sent it. */
export async function submitFeedback(ctx: CollectionsContext, input: SubmitFeedbackInput): Promise<AppFeedback> {
  const caller = callerOf(ctx);
  if (caller.tenantId === null) throw CollectionsErrors.noTenant();
  const { collectorId } = await scopeOf(ctx);
  const device = input.deviceInfo;
  const feedback = ctx.em.create(AppFeedback, {
    tenantId: Number(caller.tenantId),
    userId: caller.userId,
    collectorId: collectorId ?? null,
    feedbackType: input.feedbackType,
    title: input.title.trim(),
    content: input.content,
    images: input.images ?? [],
    deviceInfo: device ? { deviceModel: device.deviceModel ?? null, osVersion: device.osVersion ?? null, appVersion: device.appVersion ?? null } : null,
  });
  await ctx.em.flush();
  return feedback;
}

/** The tenant's feedback, newest first (the super admin: every tenant's). */
export async function listFeedback(ctx: CollectionsContext, type: FeedbackType | null | undefined, window: PageWindow): Promise<Paged<AppFeedback>> {
  const where: FilterQuery<AppFeedback> = type ? { feedbackType: type } : {};
  const [items, total] = await ctx.em.findAndCount(AppFeedback, where, { orderBy: { createdAt: 'desc', id: 'desc' }, ...pageWindow(window) });
  return toPage(items, total, window);
}
