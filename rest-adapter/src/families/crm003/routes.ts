import type { Route } from '../../framework/route';
import { crmAuditLogRoutes } from './audit-logs.routes';

/** CRM 003 (`/api/v1/crm…`): the audit trail now; customers, opportunities and the rest with the CRM subgraph. */
export const crm003Routes: Route[] = [...crmAuditLogRoutes];
