import type { Route } from '../../framework/route';
import { hrAuthRoutes } from './auth.routes';
import { hrEmployeeRoutes } from './employees.routes';
import { hrMenuRoutes } from './menus.routes';
import { hrPermissionRoutes } from './permissions.routes';
import { hrPositionRoutes } from './positions.routes';
import { hrRoleRoutes } from './roles.routes';
import { hrSystemRoutes } from './system.routes';

/** HR 004 (`/api/…`): auth, employees, positions, menus, roles, permissions, health/info (`/ws/notifications` is
 * a socket route: notifications.socket.ts). Worklogs, upload and tasks arrive with their subgraphs. */
export const hr004Routes: Route[] = [
  ...hrAuthRoutes,
  ...hrEmployeeRoutes,
  ...hrPositionRoutes,
  ...hrMenuRoutes,
  ...hrRoleRoutes,
  ...hrPermissionRoutes,
  ...hrSystemRoutes,
];
