import type { RbacCase } from '@platform/testkit';
import { ADMINS, CONSOLE } from './roles';

/** The fields module's operations (CCO admin § 9): the console reads (fields:view); the super admin orders the
 * platform's standard fields; tenant admins configure their tenant's display. */
export const fieldsCases: Record<string, RbacCase> = {
  'Query.standardFields': { query: '{ standardFields { id } }', allow: CONSOLE },
  'Query.fieldGroups': { query: '{ fieldGroups { id } }', allow: CONSOLE },
  'Query.fieldDisplay': { query: '{ fieldDisplay(tenantId: "1", sceneType: "admin_case_list") { id } }', allow: CONSOLE },
  'Mutation.reorderStandardFields': { query: 'mutation { reorderStandardFields(fieldIds: ["999999"]) { id } }', allow: ['SuperAdmin'] },
  'Mutation.setFieldDisplay': { query: 'mutation { setFieldDisplay(input: { tenantId: "1", sceneType: "nope", fields: [] }) { id } }', allow: ADMINS },
};
