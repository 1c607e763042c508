import type { Route } from '../../framework/route';
import { hrAuthRoutes } from './auth.routes';
import { hrEmployeeRoutes } from './employees.routes';
import { hrFileRoutes } from './files.routes';
import { hrMenuRoutes } from './menus.routes';
import { hrPermissionRoutes } from './permissions.routes';
import { hrPositionRoutes } from './positions.routes';
import { hrRoleRoutes } from './roles.routes';
import { hrSystemRoutes } from './system.routes';

/** HR 004 (`/api/…`): auth, employees, positions, menus, roles, permissions, health/info. Upload, downloads and
 * export tasks (files subgraph). Worklogs and `/ws/notifications` arrive with their subgraphs. */
export const hr004Routes: Route[] = [
  ...hrAuthRoutes,
  ...hrEmployeeRoutes,
  ...hrPositionRoutes,
  ...hrMenuRoutes,
  ...hrRoleRoutes,
  ...hrPermissionRoutes,
  ...hrSystemRoutes,
  ...hrFileRoutes,
];
