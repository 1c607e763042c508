import { loaderReference } from '@platform/kit';
import { userById } from '../loaders/user-by-id.loader';

/** User entity fetches from the router, through the per-request loader. */
export const userReference = loaderReference(userById);
