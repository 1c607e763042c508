import { loaderReference } from '@platform/kit';
import { tenantById } from '../loaders/tenant-by-id.loader';

/** Tenant entity fetches from the router, through the per-request loader. */
export const tenantReference = loaderReference(tenantById);
