import type { Route } from '../../framework/route';
import { ccoImAuthRoutes } from './auth.routes';
import { ccoImCaseRoutes } from './cases.routes';
import { ccoImDashboardRoutes } from './dashboard.routes';
import { ccoImKnowledgeRoutes } from './knowledge.routes';
import { ccoImNotificationRoutes } from './notifications.routes';
import { ccoImProfileRoutes } from './profile.routes';
import { ccoImStatisticsRoutes } from './statistics.routes';
import { ccoImSystemRoutes } from './system.routes';
import { ccoImToolRoutes } from './tools.routes';
import { ccoImWorkRoutes } from './work.routes';

/** CCO collector app (`/api/v1/im…`). */
export const ccoImRoutes: Route[] = [
  ...ccoImAuthRoutes,
  ...ccoImNotificationRoutes,
  ...ccoImProfileRoutes,
  ...ccoImCaseRoutes,
  ...ccoImWorkRoutes,
  ...ccoImDashboardRoutes,
  ...ccoImStatisticsRoutes,
  ...ccoImKnowledgeRoutes,
  ...ccoImToolRoutes,
  ...ccoImSystemRoutes,
];
