import type { Route } from '../../framework/route';
import { hrAuthRoutes } from './auth.routes';
import { hrEmployeeRoutes } from './employees.routes';
import { hrMenuRoutes } from './menus.routes';
import { hrPermissionRoutes } from './permissions.routes';
import { hrPositionRoutes } from './positions.routes';
import { hrRoleRoutes } from './roles.routes';
import { hrSystemRoutes } from './system.routes';
import { hrWorkLogRoutes } from './worklogs.routes';

/** HR 004 (`/api/…`): auth, employees, positions, menus, roles, permissions, work logs, health/info. Upload,
 * tasks and `/ws/notifications` arrive with their subgraphs. */
export const hr004Routes: Route[] = [
  ...hrAuthRoutes,
  ...hrEmployeeRoutes,
  ...hrPositionRoutes,
  ...hrMenuRoutes,
  ...hrRoleRoutes,
  ...hrPermissionRoutes,
  ...hrWorkLogRoutes,
  ...hrSystemRoutes,
];
