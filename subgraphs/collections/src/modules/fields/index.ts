import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { FieldDisplayResolver, fieldDisplayRules } from './resolvers/field-display.resolver';
import { FieldGroupResolver, fieldGroupRules } from './resolvers/field-group.resolver';
import { StandardFieldResolver, standardFieldRules } from './resolvers/standard-field.resolver';

export { seedStandardFields } from './services/standard-fields.seed';

/** Standard fields and their groups (platform-wide), and each tenant's field display per scene (CCO admin § 9). */
export const fieldsModule: CollectionsModule = {
  resolvers: [StandardFieldResolver, FieldGroupResolver, FieldDisplayResolver],
  permissions: {
    Query: { ...standardFieldRules.Query, ...fieldGroupRules.Query, ...fieldDisplayRules.Query },
    Mutation: { ...standardFieldRules.Mutation, ...fieldDisplayRules.Mutation },
    // The root fields decide who reads them.
    StandardField: isAuthenticated,
    FieldGroup: isAuthenticated,
    FieldDisplay: isAuthenticated,
  },
};
