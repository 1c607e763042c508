import type { Route } from '../../framework/route';
import { ccoImAuthRoutes } from './auth.routes';
import { ccoImNotificationRoutes } from './notifications.routes';

/** CCO collector app (`/api/v1/im…`): sign-in and notifications now; cases and the rest with collections. */
export const ccoImRoutes: Route[] = [...ccoImAuthRoutes, ...ccoImNotificationRoutes];
