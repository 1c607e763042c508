import type { Route } from '../../framework/route';
import { leadRoutes } from './leads.routes';
import { leadsLogRoutes } from './logs.routes';
import { reminderRoutes } from './reminders.routes';
import { leadsUserRoutes } from './users.routes';

/** Leads 002: users (identity), leads, follow-ups, reminders and statistics (leads), operation logs (activity's audit trail). */
export const leads002Routes: Route[] = [...leadsUserRoutes, ...leadRoutes, ...leadsLogRoutes, ...reminderRoutes];
