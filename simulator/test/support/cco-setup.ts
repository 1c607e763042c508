import type { UntypedJson } from '@platform/testkit';

/** The CCO set-up a tenant admin does through the REST adapter over HTTP, as the admin console does. */

export interface RestAnswer {
  status: number;
  body: UntypedJson;
}

export async function rest(adapterUrl: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<RestAnswer> {
  const res = await fetch(`${adapterUrl}${path}`, {
    method,
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The answer's data, or a failure naming the call. */
async function data(answer: Promise<RestAnswer>, what: string) {
  const { status, body } = await answer;
  if (status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body.data;
}

export const adminToken = async (adapterUrl: string, loginId: string, password: string): Promise<string> =>
  (await data(rest(adapterUrl, 'POST', '/api/v1/admin/auth/login', { body: { loginId, password } }), `login ${loginId}`)).token;

/** A partner API key of the tenant (a super admin issues it; the secret is shown once). */
export async function issuePartnerKey(adapterUrl: string, superadmin: string, tenantCode: string): Promise<{ apiKey: string; secret: string; tenantCode: string; tenantId: number }> {
  const tenants = await data(rest(adapterUrl, 'GET', '/api/v1/tenants', { token: superadmin }), 'tenants');
  const tenantId = tenants.items.find((t: { tenant_code: string }) => t.tenant_code === tenantCode).id;
  const key = await data(rest(adapterUrl, 'POST', `/api/v1/tenants/${tenantId}/api-credentials`, { token: superadmin, body: { name: 'core system' } }), 'api key');
  return { apiKey: key.api_key, secret: key.api_secret, tenantCode, tenantId };
}

export interface CollectorAccount {
  collectorId: number;
  loginId: string;
  password: string;
}

/** An agency with one team and `names.length` collectors, each with a login of the collector app. */
export async function agencyWithCollectors(adapterUrl: string, token: string, tag: string, names: string[]): Promise<CollectorAccount[]> {
  const agency = await data(
    rest(adapterUrl, 'POST', '/api/v1/agencies', { token, body: { agency_code: `${tag}_AG`, agency_name: `${tag} 催收机构`, timezone: 8, agency_type: 'real', is_active: true } }),
    'agency',
  );
  const team = await data(
    rest(adapterUrl, 'POST', '/api/v1/teams', { token, body: { agency_id: agency.id, team_code: `${tag}_T`, team_name: `${tag} 小组`, max_case_count: 1000, is_active: true } }),
    'team',
  );
  const accounts: CollectorAccount[] = [];
  for (const [i, name] of names.entries()) {
    const loginId = `${tag.toLowerCase()}_c${i + 1}`;
    const password = 'Collector-123';
    const body = { agency_id: agency.id, team_id: team.id, collector_code: `${tag}_C${i + 1}`, collector_name: name, login_id: loginId, password, max_case_count: 100, is_active: true };
    const collector = await data(rest(adapterUrl, 'POST', '/api/v1/collectors', { token, body }), `collector ${loginId}`);
    accounts.push({ collectorId: collector.id, loginId, password });
  }
  return accounts;
}

/** The case's id (found by its code), assigned to the collector. */
export async function assignCase(adapterUrl: string, token: string, caseCode: string, collectorId: number): Promise<number> {
  const page = await data(rest(adapterUrl, 'GET', `/api/v1/cases?search=${encodeURIComponent(caseCode)}`, { token }), `find ${caseCode}`);
  const caseId = page.items.find((c: { case_code: string }) => c.case_code === caseCode).id;
  await data(rest(adapterUrl, 'POST', `/api/v1/cases/${caseId}/assign`, { token, body: { collector_id: collectorId, reason: '手动分配' } }), `assign ${caseCode}`);
  return caseId;
}
