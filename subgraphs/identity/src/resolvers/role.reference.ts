import { loaderReference } from '@platform/kit';
import { roleById } from '../loaders/role-by-id.loader';

/** Role entity fetches from the router, through the per-request loader. */
export const roleReference = loaderReference(roleById);
