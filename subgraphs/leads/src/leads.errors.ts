import { badInput, forbidden, notFound } from '@platform/kit';

/** Leads' coded errors; each maps onto the shared vocabulary (extensions.code), naming the field at fault. */
export const LeadsErrors = {
  leadNotFound: (id: string | number) => notFound('Lead', id),
  recipientNotFound: (id: string | number) => notFound('RemindRecipient', id),
  invalidId: (field: string) => badInput(field, `${field} must be a positive integer id`),
  invalid: (field: string, message: string) => badInput(field, message),
  followerNotSales: (id: string) => badInput('followerId', `followerId ${id} is not a sales user: only sales users follow leads up`),
  endReasonRequired: () => badInput('endFollowupReason', 'endFollowupReason is required to end follow-up'),
  followUpContentRequired: () => badInput('followUpContent', 'followUpContent is required to record a follow-up'),
  tenantRequired: () => forbidden('Leads belong to a tenant: sign in with a tenant account'),
  duplicateRecipient: (email: string) => badInput('email', `${email} is already a recipient`),
};
