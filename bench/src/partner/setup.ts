import { createOrm, executeSql } from '@platform/kit';
import { simulatedCaseCode } from '@platform/simulator';
import { json } from '../cases/measure';

export interface PartnerKey {
  apiKey: string;
  secret: string;
  tenantCode: string;
}

async function admin(adapterUrl: string, loginId: string, password: string): Promise<string> {
  const res = await fetch(`${adapterUrl}/api/v1/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password }),
  });
  return (await json<{ data: { token: string } }>(res, `sign-in as ${loginId}`)).data.token;
}

/** `count` API keys of tenant DEMO, issued by the super admin as an operator would (the secret is shown once). */
export async function issueKeys(adapterUrl: string, count: number): Promise<{ keys: PartnerKey[]; tenantId: number }> {
  const token = await admin(adapterUrl, 'superadmin', '123456');
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const tenants = await json<{ data: { items: Array<{ id: number; tenant_code: string }> } }>(await fetch(`${adapterUrl}/api/v1/tenants`, { headers }), 'tenants');
  const tenantId = tenants.data.items.find((t) => t.tenant_code === 'DEMO')!.id;
  const keys: PartnerKey[] = [];
  for (let i = 1; i <= count; i++) {
    const res = await fetch(`${adapterUrl}/api/v1/tenants/${tenantId}/api-credentials`, { method: 'POST', headers, body: JSON.stringify({ name: `bench core system ${i}` }) });
    const key = await json<{ data: { api_key: string; api_secret: string } }>(res, 'api key');
    keys.push({ apiKey: key.data.api_key, secret: key.data.api_secret, tenantCode: 'DEMO' });
  }
  return { keys, tenantId };
}

/**
 * One agency and team with a collector per account (rows straight into the collections database: the org is the
 * bench's setting, not what it measures), and the `i`th pushed case of `seed` assigned to the `i`th collector.
 */
export async function assignCollectors(collectionsDatabaseUrl: string, tenantId: number, userIds: string[], seed: number): Promise<void> {
  const orm = await createOrm({ entities: [], databaseUrl: collectionsDatabaseUrl });
  const em = orm.em.fork();
  const now = new Date();
  try {
    await executeSql(em, 'insert into agency (created_at, updated_at, tenant_id, agency_code, agency_name) values (?, ?, ?, ?, ?)', [now, now, tenantId, 'PBENCH_A', '推送压测机构']);
    const [{ id: agencyId }] = await executeSql<Array<{ id: number }>>(em, 'select id from agency where tenant_id = ? and agency_code = ?', [tenantId, 'PBENCH_A']);
    await executeSql(em, 'insert into team (created_at, updated_at, tenant_id, agency_id, team_code, team_name, max_case_count) values (?, ?, ?, ?, ?, ?, ?)', [now, now, tenantId, agencyId, 'PBENCH_T', '推送压测小组', 100_000]);
    const [{ id: teamId }] = await executeSql<Array<{ id: number }>>(em, 'select id from team where tenant_id = ? and team_code = ?', [tenantId, 'PBENCH_T']);
    for (let from = 0; from < userIds.length; from += 500) {
      const rows = userIds.slice(from, from + 500).map((userId, i) => [now, now, tenantId, userId, agencyId, teamId, `PBENCH_C${from + i + 1}`, `压测催员${from + i + 1}`, 100, '[]']);
      await executeSql(
        em,
        `insert into collector (created_at, updated_at, tenant_id, user_id, agency_id, team_id, collector_code, collector_name, max_case_count, specialties) values ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        rows.flat(),
      );
    }
    // Case i ↔ collector PBENCH_C<i>: the case code's number is the collector's.
    await executeSql(
      em,
      `update collection_case c join collector k on k.tenant_id = c.tenant_id and k.collector_code = concat('PBENCH_C', cast(substring_index(c.case_code, '_', -1) as unsigned))
       set c.collector_id = k.id, c.agency_id = k.agency_id, c.team_id = k.team_id, c.assigned_at = ?
       where c.tenant_id = ? and c.case_code between ? and ?`,
      [now, tenantId, simulatedCaseCode(seed, 1), simulatedCaseCode(seed, userIds.length)],
    );
    await executeSql(em, 'update collector k set current_case_count = 1 where tenant_id = ? and agency_id = ?', [tenantId, agencyId]);
  } finally {
    await orm.close();
  }
}
