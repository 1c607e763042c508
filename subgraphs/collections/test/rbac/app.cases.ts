import type { RbacCase } from '@platform/testkit';
import { ADMINS, CONSOLE } from './roles';

/** The collector app's operations: whoever works cases (the console and collectors), each inside their own scope. */
const WORKERS = [...CONSOLE, 'collector'];
const REACH = 'caseId: "999", clientId: "rbac"';

export const appCases: Record<string, RbacCase> = {
  'Query.myCases': { query: '{ myCases { total } }', allow: WORKERS },
  'Query.myCaseQuickFilters': { query: '{ myCaseQuickFilters { filter count } }', allow: WORKERS },
  'Query.myCase': { query: '{ myCase(id: "999") { id } }', allow: WORKERS },
  'Query.myCaseCommunications': { query: '{ myCaseCommunications(caseId: "999") { total } }', allow: WORKERS },
  'Query.myCaseChanges': { query: '{ myCaseChanges { cursor } }', allow: WORKERS },
  'Mutation.callDebtor': { query: `mutation { callDebtor(input: { ${REACH} }) { callId } }`, allow: WORKERS },
  'Mutation.sendWhatsApp': { query: `mutation { sendWhatsApp(input: { ${REACH}, messageTemplate: "REMIND_PAYMENT" }) { messageId } }`, allow: WORKERS },
  'Mutation.sendSms': { query: `mutation { sendSms(input: { ${REACH}, messageTemplate: "REMIND_PAYMENT" }) { messageId } }`, allow: WORKERS },
  // Operators read what the local providers sent: the holders of tenants:update (admins).
  'Query.contactDispatches': { query: '{ contactDispatches { channel } }', allow: ADMINS },
};
