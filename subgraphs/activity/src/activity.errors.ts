import { badInput, forbidden, notFound } from '@platform/kit';

/** Activity's coded errors; each maps onto the shared vocabulary (extensions.code). */
export const ActivityErrors = {
  notificationNotFound: (id: string | number) => notFound('Notification', id),
  invalidNotificationId: (field: string) => badInput(field, `${field} must be a notification id`),
  tenantRequired: () => badInput('tenantId', 'tenantId is required when a platform administrator sends a notification'),
  otherTenant: () => forbidden('Cannot send notifications into another tenant'),
};
