import type { Route } from '../../framework/route';
import { hrAuthRoutes } from './auth.routes';
import { hrEmployeeRoutes } from './employees.routes';
import { hrFileRoutes } from './files.routes';
import { hrMenuRoutes } from './menus.routes';
import { hrPermissionRoutes } from './permissions.routes';
import { hrPositionRoutes } from './positions.routes';
import { hrRoleRoutes } from './roles.routes';
import { hrSystemRoutes } from './system.routes';
import { hrWorkLogRoutes } from './worklogs.routes';

/** HR 004 (`/api/…`): auth, employees, positions, menus, roles, permissions, work logs, health/info, upload,
 * downloads and export tasks (files subgraph); `/ws/notifications` is a socket route (notifications.socket.ts). */
export const hr004Routes: Route[] = [
  ...hrAuthRoutes,
  ...hrEmployeeRoutes,
  ...hrPositionRoutes,
  ...hrMenuRoutes,
  ...hrRoleRoutes,
  ...hrPermissionRoutes,
  ...hrWorkLogRoutes,
  ...hrSystemRoutes,
  ...hrFileRoutes,
];
