import { loaderReference } from '@platform/kit';
import { positionById } from '../loaders/position-by-id.loader';

/** Position entity fetches from the router, through the per-request loader. */
export const positionReference = loaderReference(positionById);
