import type { Route } from '../../framework/route';
import { ccoApiCredentialRoutes } from './api-credentials.routes';
import { ccoAuthRoutes } from './auth.routes';
import { ccoNotificationRoutes } from './notifications.routes';
import { ccoOrgRoutes } from './org.routes';
import { ccoTenantRoutes } from './tenants.routes';

/** CCO admin console (`/api/v1/admin…`, `/api/v1/tenants…`): auth, tenants and notifications now; the rest with collections. */
export const ccoAdminRoutes: Route[] = [...ccoAuthRoutes, ...ccoTenantRoutes, ...ccoApiCredentialRoutes, ...ccoNotificationRoutes, ...ccoOrgRoutes];
