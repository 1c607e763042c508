import { loaderReference } from '@platform/kit';
import { menuById } from '../loaders/menu-by-id.loader';

/** Menu entity fetches from the router, through the per-request loader. */
export const menuReference = loaderReference(menuById);
