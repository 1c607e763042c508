import type { Route } from '../../framework/route';
import { ccoImAuthRoutes } from './auth.routes';
import { ccoImNotificationRoutes } from './notifications.routes';
import { ccoImWorkRoutes } from './work.routes';

/** CCO collector app (`/api/v1/im…`): sign-in, notifications, promises to pay and repayments; cases and the rest with collections. */
export const ccoImRoutes: Route[] = [...ccoImAuthRoutes, ...ccoImNotificationRoutes, ...ccoImWorkRoutes];
