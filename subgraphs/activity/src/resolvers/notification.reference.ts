import { isDomainErrorCode } from '@platform/kit';
import type { ActivityContext } from '../activity.context';
import type { Notification } from '../entities/notification.entity';
import { findOwnNotification } from '../services/notification.service';

/** Entity fetches from the router: the caller's own notification, or null (never someone else's). */
export const notificationReference = {
  async __resolveReference(ref: { id: string }, ctx: ActivityContext): Promise<Notification | null> {
    try {
      return await findOwnNotification(ctx, String(ref.id));
    } catch (error) {
      if (isDomainErrorCode(error, 'NOT_FOUND', 'BAD_USER_INPUT')) return null;
      throw error;
    }
  },
};
