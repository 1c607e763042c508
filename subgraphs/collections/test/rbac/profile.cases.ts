import type { RbacCase } from '@platform/testkit';
import { RBAC_ROLES } from './roles';

/** Every signed-in account reaches its own work profile only (NOT_FOUND without one); anonymous callers nothing. */
const SIGNED_IN = Object.keys(RBAC_ROLES).filter((role) => role !== 'anonymous');

export const profileCases: Record<string, RbacCase> = {
  'Mutation.updateMyCollectorProfile': { query: 'mutation { updateMyCollectorProfile(input: { mobile: "+63-917-000-0000" }) { id } }', allow: SIGNED_IN },
  'Mutation.setMyWorkStatus': { query: 'mutation { setMyWorkStatus(input: { workStatus: "busy" }) { id } }', allow: SIGNED_IN },
};
