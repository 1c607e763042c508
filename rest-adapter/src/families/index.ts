import type { Family } from '../framework/family';
import type { Route } from '../framework/route';
import { bantu001 } from './bantu001/bantu001.family';
import { bantu001Routes } from './bantu001/routes';
import { ccoAdmin } from './cco-admin/cco-admin.family';
import { ccoAdminRoutes } from './cco-admin/routes';
import { ccoIm } from './cco-im/cco-im.family';
import { ccoImRoutes } from './cco-im/routes';
import { ccoPartner } from './cco-partner/cco-partner.family';
import { ccoPartnerRoutes } from './cco-partner/routes';
import { crm003 } from './crm003/crm003.family';
import { crm003Routes } from './crm003/routes';
import { hr004 } from './hr004/hr004.family';
import { hrNotificationsSocket } from './hr004/notifications.socket';
import { hr004Routes } from './hr004/routes';
import type { SocketRoute } from '../sockets/socket-route';
import { leads002, leads002Users } from './leads002/leads002.family';
import { leads002Routes } from './leads002/routes';
import { rootRoutes } from './root/routes';

export { bantu001, ccoAdmin, ccoIm, ccoPartner, crm003, hr004, leads002, leads002Users };

/** Every family's conventions (decisions.md); 002 has two (its user endpoints and the rest). */
export const FAMILIES: readonly Family[] = [ccoAdmin, ccoPartner, ccoIm, bantu001, leads002Users, leads002, crm003, hr004];

/** Every route the adapter serves. */
export const ALL_ROUTES: readonly Route[] = [
  ...rootRoutes,
  ...hr004Routes,
  ...leads002Routes,
  ...bantu001Routes,
  ...ccoAdminRoutes,
  ...ccoImRoutes,
  ...ccoPartnerRoutes,
  ...crm003Routes,
];

/** Every documented WebSocket path the adapter serves (bridged to router subscriptions). */
export const SOCKET_ROUTES: readonly SocketRoute[] = [hrNotificationsSocket];

/** Most specific prefix first: who answers a path no route matched (a 404) or a request that failed to parse. */
const PREFIXES: ReadonlyArray<[string, Family]> = [
  ['/api/v1/crm', crm003],
  ['/api/v1/webhook', ccoPartner],
  ['/api/v1/im', ccoIm],
  ['/api/v1', ccoAdmin],
  ['/api/users', leads002Users],
  ['/api/leads', leads002],
  ['/api/followups', leads002],
  ['/api/followup-remind-config', leads002],
  ['/api/logs', leads002],
  ['/api/statistics', leads002],
  ['/api/remind-email-list', leads002],
  ['/api', hr004],
];

export function familyForPath(url: string): Family {
  const path = url.split('?')[0];
  const match = PREFIXES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  return match ? match[1] : ccoAdmin;
}
