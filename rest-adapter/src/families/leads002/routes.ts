import type { Route } from '../../framework/route';
import { leadsLogRoutes } from './logs.routes';
import { leadsUserRoutes } from './users.routes';

/** Leads 002 (`/api/users…` and `/api/logs` now; leads, follow-ups, reminders and statistics arrive with the leads subgraph). */
export const leads002Routes: Route[] = [...leadsUserRoutes, ...leadsLogRoutes];
