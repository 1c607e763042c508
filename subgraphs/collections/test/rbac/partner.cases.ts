import type { RbacCase } from '@platform/testkit';
import { ADMINS, RBAC_ROLES } from './roles';

/**
 * The partner module's pushes (partner §§ 2, 5, 7): no token, so the shield lets every caller through, anonymous
 * included — the authentication is the signature identity verifies inside (authenticatePartner; the REST contract
 * test cco-partner.test.ts shows unsigned, forged, stale, replayed and revoked requests refused with 401).
 */
const EVERYONE = Object.keys(RBAC_ROLES);
const REQUEST = 'request: { apiKey: "ak", timestamp: "0", signature: "00", tenantCode: "DEMO", rawBody: "{}" }';

export const partnerCases: Record<string, RbacCase> = {
  'Mutation.partnerImportCases': { query: `mutation { partnerImportCases(${REQUEST}) { total } }`, allow: EVERYONE },
  'Mutation.partnerUpdateCaseStatus': { query: `mutation { partnerUpdateCaseStatus(${REQUEST}) { caseCode } }`, allow: EVERYONE },
  'Mutation.partnerCaseSettled': { query: `mutation { partnerCaseSettled(${REQUEST}) { caseCode } }`, allow: EVERYONE },
  'Mutation.partnerRepayment': { query: `mutation { partnerRepayment(${REQUEST}) { repaymentId } }`, allow: EVERYONE },
  'Mutation.partnerRepaymentNotify': { query: `mutation { partnerRepaymentNotify(${REQUEST}) { repaymentId } }`, allow: EVERYONE },
  'Mutation.partnerCaseRecall': { query: `mutation { partnerCaseRecall(${REQUEST}) { caseCode } }`, allow: EVERYONE },
  'Mutation.partnerConfigureFieldMapping': { query: `mutation { partnerConfigureFieldMapping(${REQUEST}) { tenantCode } }`, allow: EVERYONE },
  'Mutation.partnerConfigureBusinessRules': { query: `mutation { partnerConfigureBusinessRules(${REQUEST}) { ruleType } }`, allow: EVERYONE },
  // What the partner configured (§ 7): read by those who read the tenant's settings (system_config:view).
  'Query.partnerFieldMapping': { query: '{ partnerFieldMapping(tenantId: "1") { tenantId entries { standardFieldKey } } }', allow: [...ADMINS, 'AgencyAdmin'] },
  'Query.partnerBusinessRules': { query: '{ partnerBusinessRules(tenantId: "1") { ruleType rules } }', allow: [...ADMINS, 'AgencyAdmin'] },
};
