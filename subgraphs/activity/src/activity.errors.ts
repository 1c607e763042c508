import { badInput, DomainError, forbidden, notFound, type ErrorCode } from '@platform/kit';

export const notificationNotFound = (id: string | number) => notFound('Notification', id);

export const invalidNotificationId = (field: string) => badInput(field, `${field} must be a notification id`);

export const tenantRequired = () =>
  badInput('tenantId', 'tenantId is required when a platform administrator sends a notification');

export const otherTenant = () => forbidden('Cannot send notifications into another tenant');

export const isDomainErrorCode = (error: unknown, ...codes: ErrorCode[]): boolean =>
  error instanceof DomainError && codes.includes(error.code);
