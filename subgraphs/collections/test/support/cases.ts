import type { Caller } from '@platform/kit';
import { CollectionCase, type Collector } from '@platform/collections';
import type { CollectionsClient } from './harness';

/** A valid import row (partner document § 2.1) for `code`; `extra` overrides or adds fields. */
export const caseRow = (code: string, extra: Record<string, unknown> = {}) => ({
  case_code: code,
  user_id: `U_${code}`,
  user_name: '陈大明',
  mobile: '+63-917-111-1111',
  id_number: 'ID123456',
  address: '马尼拉市中心区',
  bank_account: '6222021234',
  email: 'user001@example.com',
  loan_amount: 5000,
  repaid_amount: 1000,
  outstanding_amount: 4000,
  overdue_days: 15,
  due_date: '2025-11-05',
  ...extra,
});

export const IMPORT = 'mutation ($input: ImportCasesInput!) { importCases(input: $input) { total success failed errors { row caseCode error } } }';

/** Imports rows as `as` and answers the result (failing the test on a GraphQL error). */
export async function importRows(client: CollectionsClient, as: Caller, cases: unknown[], tenantId?: string) {
  const { importCases } = await client.ok<{ importCases: { total: number; success: number; failed: number; errors: unknown[] } }>(
    as, IMPORT, { input: { tenantId, cases } },
  );
  return importCases;
}

/** Puts a case in a collector's hands (as the assignment operations will), straight in the table. */
export async function assignTo(client: CollectionsClient, tenantId: number, caseCode: string, collector: Collector): Promise<void> {
  const em = client.em(null);
  const row = await em.findOneOrFail(CollectionCase, { tenantId, caseCode });
  Object.assign(row, {
    agencyId: collector.agencyId,
    teamGroupId: collector.teamGroupId ?? null,
    teamId: collector.teamId ?? null,
    collectorId: collector.id,
    assignedAt: new Date('2025-11-18T01:00:00Z'),
  });
  await em.flush();
}
