import { byKeyLoader } from '@platform/kit';
import type { ActivityContext } from '../activity.context';
import { Notification } from '../entities/notification.entity';

export const notificationById = (ctx: ActivityContext) =>
  ctx.loaders.get('notificationById', () => byKeyLoader<Notification, number>(ctx.em, Notification));
