import { createOrm, executeSql } from '@platform/kit';

const BATCH = 1000;
const PRIORITIES = ['normal', 'normal', 'high', 'low', 'urgent'];
const RESULTS = ['未接通', '接通', '关机'];

/**
 * The collector app's list at scale: `cases` cases held by one collector (in the queue, team and agency given), each
 * with three communications (one reached) and a promise to pay (every other one open), bulk-inserted `BATCH` cases a
 * statement, then `ANALYZE`. The other collectors' cases stay in the table: the list must find this one's by index.
 */
export async function seedAppCases(
  databaseUrl: string,
  tenantId: number,
  at: { collectorId: number; agencyId: number; teamId: number; queueId: number; cases: number },
): Promise<void> {
  const orm = await createOrm({ entities: [], databaseUrl });
  const em = orm.em.fork();
  const now = new Date();
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    await executeSql(em, `insert into ${table} (${columns.join(', ')}) values ${rows.map(() => placeholders).join(', ')}`, rows.flat());
  };
  try {
    const caseColumns = [
      'created_at', 'updated_at', 'tenant_id', 'case_code', 'customer_id', 'user_name', 'mobile', 'loan_amount', 'due_date', 'repaid_amount',
      'outstanding_amount', 'overdue_days', 'case_status', 'case_priority', 'case_tags', 'custom_fields', 'queue_id', 'agency_id', 'team_id',
      'collector_id', 'assigned_at', 'last_contact_at',
    ];
    for (let from = 0; from < at.cases; from += BATCH) {
      const codes: string[] = [];
      const rows: unknown[][] = [];
      for (let i = from; i < Math.min(at.cases, from + BATCH); i++) {
        const loan = 100_000 + ((i * 104_729) % 1_900_000);
        const code = `APP_${String(i).padStart(7, '0')}`;
        codes.push(code);
        rows.push([
          now, now, tenantId, code, `AU${i}`, `客户${i}`, `+63-919-${String(i).padStart(7, '0')}`, loan, '2025-11-05', 0, loan, 1 + (i % 90),
          'pending_repayment', PRIORITIES[i % PRIORITIES.length], '["首逾"]', '{}', at.queueId, at.agencyId, at.teamId, at.collectorId,
          new Date(now.getTime() - (i % 30) * 86_400_000), new Date(now.getTime() - (i % 7) * 86_400_000),
        ]);
      }
      await insert('collection_case', caseColumns, rows);
      const ids = await executeSql<Array<{ id: number }>>(em, `select id from collection_case where tenant_id = ? and case_code in (${codes.map(() => '?').join(', ')})`, [tenantId, ...codes]);
      const communications = ids.flatMap(({ id }, k) =>
        RESULTS.map((result, n) => [now, now, tenantId, id, at.collectorId, at.agencyId, at.teamId, 'phone', result, '[]', new Date(now.getTime() - (k % 7) * 86_400_000 - n * 3_600_000)]),
      );
      await insert(
        'communication',
        ['created_at', 'updated_at', 'tenant_id', 'case_id', 'collector_id', 'agency_id', 'team_id', 'contact_method', 'contact_result', 'tags', 'contact_time'],
        communications,
      );
      const ptps = ids.map(({ id }, k) => [now, now, tenantId, id, at.collectorId, '2099-12-01', 50_000, 0, k % 2 ? 'pending' : 'broken']);
      await insert('ptp', ['created_at', 'updated_at', 'tenant_id', 'case_id', 'collector_id', 'promise_date', 'promise_amount', 'kept_amount', 'promise_status'], ptps);
    }
    await executeSql(em, 'analyze table collection_case, communication, ptp');
  } finally {
    await orm.close();
  }
}
