import type { Route } from '../../framework/route';
import { ccoImNotificationRoutes } from './notifications.routes';

/** CCO collector app (`/api/v1/im…`): notifications now; sign-in, cases and the rest with collections. */
export const ccoImRoutes: Route[] = [...ccoImNotificationRoutes];
