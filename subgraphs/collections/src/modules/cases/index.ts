import type { CollectionsModule } from '../module';
import { assignmentParts } from './assignment.parts';

/** Cases: list, search, detail with masked personal data, import, assignment, transfer, status (CCO admin § 8). */
export const casesModule: CollectionsModule = {
  resolvers: [...assignmentParts.resolvers],
  orphanedTypes: [...assignmentParts.orphanedTypes],
  permissions: { ...assignmentParts.permissions },
};
