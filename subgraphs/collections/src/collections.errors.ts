import { badInput, conflict, forbidden, notFound } from '@platform/kit';

/** Collections' coded errors; each maps onto the shared vocabulary (extensions.code) and so onto the CCO envelope. */
export const CollectionsErrors = {
  notFound: (type: string, id: string | number) => notFound(type, id),
  invalidId: (field: string) => badInput(field, `${field} must be an id`),
  duplicateCode: (field: string, code: string) =>
    conflict(`${field} ${code} already exists`, { field, reason: 'DUPLICATE_CODE' }),
  outOfScope: () => forbidden('The object is outside your data scope', { reason: 'OUT_OF_SCOPE' }),
  otherTenant: () => forbidden('The object belongs to another tenant', { reason: 'OTHER_TENANT' }),
  adminOnly: () => forbidden('The admin console is for administrators, not collectors', { reason: 'COLLECTOR_TOKEN' }),
  unknownReference: (field: string, id: string | number) => badInput(field, `${field} ${id} does not exist or is outside your scope`),
  noTenant: () => badInput('tenant_id', 'tenant_id is required for a platform administrator'),
};
