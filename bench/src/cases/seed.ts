import { createOrm, executeSql } from '@platform/kit';

export interface SeededOrg {
  queueId: number;
  teamId: number;
  agencyId: number;
}

const BATCH = 2000;
const STATUSES = ['pending_repayment', 'pending_repayment', 'pending_repayment', 'partial_repayment', 'promised', 'settled'];

/**
 * Bulk rows straight into the collections database of the platform under test (tenant `tenantId`): one agency, a
 * team working queue M1 with `collectors` collectors, queues M1–M3, and `cases` cases in M1 (1–30 days overdue), not
 * yet assigned, so auto-assign has the whole set to spread. Inserted `BATCH` rows a statement.
 */
export async function seedCases(databaseUrl: string, tenantId: number, counts: { cases: number; collectors: number }): Promise<SeededOrg> {
  const orm = await createOrm({ entities: [], databaseUrl });
  const em = orm.em.fork();
  const now = new Date();
  try {
    const insert = async (table: string, columns: string[], rows: unknown[][]) => {
      const placeholders = `(${columns.map(() => '?').join(', ')})`;
      await executeSql(em, `insert into ${table} (${columns.join(', ')}) values ${rows.map(() => placeholders).join(', ')}`, rows.flat());
    };
    const idOf = async (table: string, column: string, value: string) =>
      Number((await executeSql<Array<{ id: number }>>(em, `select id from ${table} where tenant_id = ? and ${column} = ?`, [tenantId, value]))[0].id);

    await insert('agency', ['created_at', 'updated_at', 'tenant_id', 'agency_code', 'agency_name'], [[now, now, tenantId, 'BENCH_A', '压测机构']]);
    const agencyId = await idOf('agency', 'agency_code', 'BENCH_A');
    await insert(
      'case_queue',
      ['created_at', 'updated_at', 'tenant_id', 'queue_code', 'queue_name', 'overdue_days_start', 'overdue_days_end', 'sort_order'],
      [[now, now, tenantId, 'BM1', 'M1队列', 1, 30, 1], [now, now, tenantId, 'BM2', 'M2队列', 31, 60, 2], [now, now, tenantId, 'BM3', 'M3队列', 61, null, 3]],
    );
    const queueId = await idOf('case_queue', 'queue_code', 'BM1');
    await insert(
      'team',
      ['created_at', 'updated_at', 'tenant_id', 'agency_id', 'queue_id', 'team_code', 'team_name', 'max_case_count'],
      [[now, now, tenantId, agencyId, queueId, 'BENCH_T', '压测小组', counts.cases * 2]],
    );
    const teamId = await idOf('team', 'team_code', 'BENCH_T');
    const collectorRows = Array.from({ length: counts.collectors }, (_, i) => [
      now, now, tenantId, `bench-${i}`, agencyId, teamId, `BENCH_C${i}`, `催员${i}`, Math.ceil((counts.cases * 2) / counts.collectors), '[]',
    ]);
    await insert(
      'collector',
      ['created_at', 'updated_at', 'tenant_id', 'user_id', 'agency_id', 'team_id', 'collector_code', 'collector_name', 'max_case_count', 'specialties'],
      collectorRows,
    );

    const columns = [
      'created_at', 'updated_at', 'tenant_id', 'case_code', 'customer_id', 'user_name', 'mobile', 'id_number', 'loan_amount',
      'due_date', 'repaid_amount', 'outstanding_amount', 'overdue_days', 'case_status', 'case_tags', 'custom_fields', 'queue_id',
    ];
    for (let from = 0; from < counts.cases; from += BATCH) {
      const rows: unknown[][] = [];
      for (let i = from; i < Math.min(counts.cases, from + BATCH); i++) {
        const created = new Date(now.getTime() - ((i * 7919) % (60 * 86_400_000)));
        const loan = 100_000 + ((i * 104_729) % 900_000); // cents
        rows.push([
          created, created, tenantId, `BENCH_${String(i).padStart(7, '0')}`, `U${i}`, `客户${i}`, `+63-917-${String(i).padStart(7, '0')}`,
          `ID${String(i).padStart(8, '0')}`, loan, '2025-11-05', 0, loan, 1 + (i % 30), STATUSES[i % STATUSES.length], '[]', '{}', queueId,
        ]);
      }
      await insert('collection_case', columns, rows);
    }
    await executeSql(em, 'analyze table collection_case, collector, team, case_queue, agency');
    return { queueId, teamId, agencyId };
  } finally {
    await orm.close();
  }
}

/** Drops one of the bench's databases (a subgraph that never made its own is skipped). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const orm = await createOrm({ entities: [], databaseUrl });
  try {
    await orm.schema.dropDatabase();
  } catch {
    // Not every subgraph made its database.
  } finally {
    await orm.close();
  }
}
