import { orgLoaders } from '../../org/loaders/org.loaders';

/** Where a case sits (its queue, agency, team, collector): the org module's loaders, so a page shares one per kind. */
export const { queueById, agencyById, teamById, collectorById } = orgLoaders;
