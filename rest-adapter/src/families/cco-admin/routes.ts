import type { Route } from '../../framework/route';
import { ccoApiCredentialRoutes } from './api-credentials.routes';
import { ccoAssignmentRoutes } from './assignment.routes';
import { ccoAuthRoutes } from './auth.routes';
import { ccoCaseRoutes } from './cases.routes';
import { ccoDashboardRoutes } from './dashboards.routes';
import { ccoFieldRoutes } from './fields.routes';
import { ccoIntegrationRoutes } from './integration.routes';
import { ccoNotificationRoutes } from './notifications.routes';
import { ccoOrgRoutes } from './org.routes';
import { ccoQueueRoutes } from './queues.routes';
import { ccoReportRoutes } from './reports.routes';
import { ccoSystemConfigRoutes } from './system-config.routes';
import { ccoTenantRoutes } from './tenants.routes';

/** CCO admin console (`/api/v1/admin…`, `/api/v1/tenants…` and the collections routes). */
export const ccoAdminRoutes: Route[] = [
  ...ccoAuthRoutes,
  ...ccoTenantRoutes,
  ...ccoApiCredentialRoutes,
  ...ccoIntegrationRoutes,
  ...ccoNotificationRoutes,
  ...ccoAssignmentRoutes,
  ...ccoCaseRoutes,
  ...ccoDashboardRoutes,
  ...ccoFieldRoutes,
  ...ccoOrgRoutes,
  ...ccoQueueRoutes,
  ...ccoReportRoutes,
  ...ccoSystemConfigRoutes,
];
