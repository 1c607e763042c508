import type { Route } from '../../framework/route';
import { ccoImAuthRoutes } from './auth.routes';
import { ccoImNotificationRoutes } from './notifications.routes';
import { ccoImProfileRoutes } from './profile.routes';

/** CCO collector app (`/api/v1/im…`): sign-in, notifications and the collector's own profile now; cases and the rest with collections. */
export const ccoImRoutes: Route[] = [...ccoImAuthRoutes, ...ccoImNotificationRoutes, ...ccoImProfileRoutes];
