import { badInput, conflict, forbidden, notFound } from '@platform/kit';

/** Activity's coded errors; each maps onto the shared vocabulary (extensions.code). */
export const ActivityErrors = {
  notificationNotFound: (id: string | number) => notFound('Notification', id),
  invalidBatch: () => badInput('ids', 'ids must hold 1 to 100 notification ids'),
  invalidNotificationId: (field: string) => badInput(field, `${field} must be a notification id`),
  tenantRequired: () => badInput('tenantId', 'tenantId is required when a platform administrator sends a notification'),
  otherTenant: () => forbidden('Cannot send notifications into another tenant'),
  templateNotFound: (code: string) => notFound('NotificationTemplate', code),
  templateTaken: (code: string) => conflict(`A notification template ${code} already exists`, { field: 'code', reason: 'DUPLICATE' }),
  templateDisabled: (code: string) => badInput('templateCode', `template ${code} is disabled`),
  noRecipients: () => badInput('recipients', 'recipients must name at least one user of the tenant'),
  publicNotificationNotFound: (id: string | number) => notFound('PublicNotification', id),
  platformWideOnly: () => forbidden('Only a platform administrator announces to every tenant'),
  platformWideWithTenant: () => badInput('tenantId', 'a platform-wide announcement names no tenant'),
  invalidTime: (field: string) => badInput(field, `${field} must be an ISO 8601 time or YYYY-MM-DD HH:mm:ss`),
  windowReversed: () => badInput('effectiveEnd', 'effectiveEnd must not be before effectiveStart'),
  tenantHeaderMissing: () => badInput('tenant', 'the tenant (X-Tenant-Id) is required'),
  otherTenantAudit: () => forbidden('X-Tenant-Id names another tenant'),
  unknownTenant: (key: string) => notFound('Tenant', key),
};
