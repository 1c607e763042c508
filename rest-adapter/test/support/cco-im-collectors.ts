import type { FastifyInstance } from 'fastify';
import { call } from './contract';

export const COLLECTOR_PASSWORD = '123456';

/** The walk-through's agency, team and collectors collector001…00n (password 123456), created by the tenant admin. */
export async function createImCollectors(app: FastifyInstance, tenantadmin: string, count: number) {
  const agency = await call(app, 'POST', '/api/v1/agencies', {
    token: tenantadmin,
    body: { agency_code: 'AGENCY_001', agency_name: '催收机构1', timezone: 8, agency_type: 'real', is_active: true },
  });
  const team = await call(app, 'POST', '/api/v1/teams', {
    token: tenantadmin,
    body: { agency_id: agency.body.data.id, team_code: 'TEAM_M1', team_name: 'M1催收小组', max_case_count: 5000, is_active: true },
  });
  const ids: number[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    const created = await call(app, 'POST', '/api/v1/collectors', {
      token: tenantadmin,
      body: {
        agency_id: agency.body.data.id,
        team_id: team.body.data.id,
        collector_code: `COL_${n}`,
        collector_name: `催员${n}`,
        login_id: `collector${n}`,
        password: COLLECTOR_PASSWORD,
        mobile: '+63-917-123-4567',
        email: `collector${n}@example.com`,
        collector_level: '高级',
        max_case_count: 150,
        status: 'active',
        is_active: true,
      },
    });
    if (created.status !== 200) throw new Error(JSON.stringify(created.body));
    ids.push(created.body.data.id);
  }
  return { agencyId: agency.body.data.id as number, teamId: team.body.data.id as number, collectorIds: ids };
}

/** Signs a collector in on the app from `deviceId`; answers the login's whole response. */
export const imLogin = (app: FastifyInstance, loginId: string, deviceId: string, extra: Record<string, unknown> = {}) =>
  call(app, 'POST', '/api/v1/im/auth/login', { body: { loginId, password: COLLECTOR_PASSWORD, device_type: 'mobile', device_id: deviceId, ...extra } });
