import type { Route } from '../../framework/route';
import { ccoImAuthRoutes } from './auth.routes';
import { ccoImCaseRoutes } from './cases.routes';
import { ccoImNotificationRoutes } from './notifications.routes';

/** CCO collector app (`/api/v1/im…`): sign-in, notifications, cases and communications; the rest with collections. */
export const ccoImRoutes: Route[] = [...ccoImAuthRoutes, ...ccoImNotificationRoutes, ...ccoImCaseRoutes];
