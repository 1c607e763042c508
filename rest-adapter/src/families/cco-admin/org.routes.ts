import { z } from 'zod';
import { notFoundError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, intIdParam, isTrue, queryBool } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages, ccoPage, ccoPageQuery, ccoTime, ccoTimeOrNull, localTime, tenantZone } from './cco.shapes';
import {
  type CcoAgencyFragment,
  type CcoCollectorFragment,
  type CcoTeamFragment,
  type CcoTeamGroupFragment,
  CcoAgenciesDocument,
  CcoAgencyDocument,
  CcoAgencyWorkingHoursDocument,
  CcoCollectorDocument,
  CcoCollectorsDocument,
  CcoCreateAgencyDocument,
  CcoCreateCollectorDocument,
  CcoCreateTeamDocument,
  CcoCreateTeamGroupDocument,
  CcoDeleteAgencyDocument,
  CcoResetCollectorPasswordDocument,
  CcoSetCollectorStatusDocument,
  CcoSetTeamGroupSpvDocument,
  CcoSetTeamLeaderDocument,
  CcoTeamDocument,
  CcoTeamGroupDocument,
  CcoTeamGroupsDocument,
  CcoTeamsDocument,
  CcoUpdateAgencyDocument,
  CcoUpdateCollectorDocument,
} from './operations.generated';

/**
 * CCO admin § 3–6 and § 13.3: agencies, team groups, teams, collectors and agency working hours, served by the
 * collections subgraph (collectors' login ids, e-mails and sign-in times come from identity through the graph).
 */

const num = (id: string | null | undefined) => (id === null || id === undefined ? null : Number(id));
const idNum = z.number().int();
const idOrNull = idNum.nullable();
const text = z.string().nullable();

// ---- agencies ------------------------------------------------------------------------------------------------

const agencyItem = z.object({
  id: idNum,
  tenant_id: idNum,
  agency_code: z.string(),
  agency_name: z.string(),
  agency_name_en: text,
  contact_person: text,
  contact_phone: text,
  contact_email: text,
  address: text,
  timezone: z.number().int().describe('UTC offset in hours'),
  agency_type: z.string().describe('real or virtual'),
  is_active: z.boolean(),
  created_at: localTime,
});
const agencyDetail = agencyItem.extend({
  updated_at: localTime,
  team_count: z.number().int(),
  collector_count: z.number().int(),
  total_cases: z.number().int(),
  active_cases: z.number().int(),
});

const toAgency = (a: CcoAgencyFragment, zone: string) => ({
  id: Number(a.id),
  tenant_id: Number(a.tenantId),
  agency_code: a.agencyCode,
  agency_name: a.agencyName,
  agency_name_en: a.agencyNameEn ?? null,
  contact_person: a.contactPerson ?? null,
  contact_phone: a.contactPhone ?? null,
  contact_email: a.contactEmail ?? null,
  address: a.address ?? null,
  timezone: a.timezone,
  agency_type: a.agencyType,
  is_active: a.isActive,
  created_at: ccoTime(a.createdAt, zone),
});

const agencyFields = {
  agency_name_en: z.string().max(100).nullable().optional(),
  contact_person: z.string().max(100).nullable().optional(),
  contact_phone: z.string().max(50).nullable().optional(),
  contact_email: z.email().max(255).nullable().optional(),
  address: z.string().max(255).nullable().optional(),
  timezone: z.number().int().min(-12).max(14).optional().describe('UTC offset in hours, e.g. 8'),
  agency_type: z.enum(['real', 'virtual']).optional(),
  is_active: z.boolean().optional(),
};
const agencyCode = z.string().min(1).max(50).regex(/^[A-Za-z0-9_.-]+$/, 'may hold letters, digits and . _ - only');
const agencyName = z.string().min(1).max(100);
type AgencyBody = { [K in keyof typeof agencyFields]?: z.output<(typeof agencyFields)[K]> } & { agency_code?: string; agency_name?: string };

const agencyInput = (b: AgencyBody) =>
  defined({
    agencyCode: b.agency_code,
    agencyName: b.agency_name,
    agencyNameEn: b.agency_name_en,
    contactPerson: b.contact_person,
    contactPhone: b.contact_phone,
    contactEmail: b.contact_email,
    address: b.address,
    timezone: b.timezone,
    agencyType: b.agency_type,
    isActive: b.is_active,
  });

// ---- team groups ---------------------------------------------------------------------------------------------

const groupItem = z.object({
  id: idNum,
  agency_id: idNum,
  group_code: z.string(),
  group_name: z.string(),
  group_name_en: text,
  description: text,
  sort_order: z.number().int(),
  spv_id: idOrNull,
  spv_name: text,
  team_count: z.number().int(),
  is_active: z.boolean(),
});
const staffRef = z.object({ id: idNum, collector_name: z.string(), mobile: text }).nullable();
const groupDetail = groupItem.extend({
  spv: staffRef,
  teams: z.array(z.object({ id: idNum, team_code: z.string(), team_name: z.string(), collector_count: z.number().int() })),
});

const toGroup = (g: CcoTeamGroupFragment) => ({
  id: Number(g.id),
  agency_id: Number(g.agencyId),
  group_code: g.groupCode,
  group_name: g.groupName,
  group_name_en: g.groupNameEn ?? null,
  description: g.description ?? null,
  sort_order: g.sortOrder,
  spv_id: num(g.spvId),
  spv_name: g.spv?.collectorName ?? null,
  team_count: g.teamCount,
  is_active: g.isActive,
});
const toStaffRef = (s: { id: string; collectorName: string; mobile?: string | null } | null | undefined) =>
  s ? { id: Number(s.id), collector_name: s.collectorName, mobile: s.mobile ?? null } : null;

// ---- teams ---------------------------------------------------------------------------------------------------

const teamItem = z.object({
  id: idNum,
  agency_id: idNum,
  team_group_id: idOrNull,
  queue_id: idOrNull,
  team_code: z.string(),
  team_name: z.string(),
  team_name_en: text,
  team_type: text,
  description: text,
  team_group_name: text,
  queue_name: text,
  team_leader_name: text,
  collector_count: z.number().int(),
  current_case_count: z.number().int().describe('open cases of the team'),
  max_case_count: z.number().int(),
  is_active: z.boolean(),
});
const teamDetail = teamItem.extend({
  team_leader: staffRef,
  queue: z.object({ id: idNum, queue_name: z.string(), overdue_days_start: z.number().int(), overdue_days_end: z.number().int().nullable() }).nullable(),
  collectors: z.array(z.object({ id: idNum, collector_name: z.string(), position: z.string(), current_case_count: z.number().int(), max_case_count: z.number().int() })),
  statistics: z.object({ total_collectors: z.number().int(), total_cases: z.number().int(), resolved_cases: z.number().int(), resolution_rate: z.number() }),
});

const toTeam = (t: CcoTeamFragment) => ({
  id: Number(t.id),
  agency_id: Number(t.agencyId),
  team_group_id: num(t.teamGroupId),
  queue_id: num(t.queueId),
  team_code: t.teamCode,
  team_name: t.teamName,
  team_name_en: t.teamNameEn ?? null,
  team_type: t.teamType ?? null,
  description: t.description ?? null,
  team_group_name: t.teamGroup?.groupName ?? null,
  queue_name: t.queue?.queueName ?? null,
  team_leader_name: t.teamLeader?.collectorName ?? null,
  collector_count: t.collectorCount,
  current_case_count: t.currentCaseCount,
  max_case_count: t.maxCaseCount,
  is_active: t.isActive,
});

// ---- collectors ----------------------------------------------------------------------------------------------

/** The document's work statuses; 休假 and 离职 (its own words) are accepted for on_leave and resigned. */
const STATUS_WORDS: Record<string, string> = { 休假: 'on_leave', 离职: 'resigned' };
const workStatus = z
  .enum(['active', 'on_leave', 'resigned', '休假', '离职'])
  .transform((s) => STATUS_WORDS[s] ?? s);

const collectorItem = z.object({
  id: idNum,
  agency_id: idNum,
  team_id: idOrNull,
  team_group_id: idOrNull,
  collector_code: z.string(),
  collector_name: z.string(),
  login_id: text.describe('identity account login id'),
  mobile: text,
  email: text,
  team_name: text,
  employee_no: text,
  collector_level: text,
  position: z.string().describe('collector, team_leader, spv or agency_admin'),
  specialties: z.array(z.string()),
  current_case_count: z.number().int().describe('open cases assigned'),
  max_case_count: z.number().int(),
  performance_score: z.number().nullable(),
  status: z.string().describe('active, on_leave or resigned'),
  is_active: z.boolean(),
  last_login_at: localTime.nullable(),
  created_at: localTime,
});
const collectorDetail = collectorItem.extend({
  current_cases: z.number().int(),
  performance: z.object({
    total_cases: z.number().int(),
    resolved_cases: z.number().int(),
    resolution_rate: z.number(),
    total_collected_amount: z.number(),
    contact_rate: z.number(),
  }),
  recent_activities: z.array(z.object({ date: z.string(), contact_count: z.number().int(), ptp_count: z.number().int() })),
});

const toCollector = (c: CcoCollectorFragment, zone: string) => ({
  id: Number(c.id),
  agency_id: Number(c.agencyId),
  team_id: num(c.teamId),
  team_group_id: num(c.teamGroupId),
  collector_code: c.collectorCode,
  collector_name: c.collectorName,
  login_id: c.user?.username ?? null,
  mobile: c.mobile ?? null,
  email: c.user?.email ?? null,
  team_name: c.team?.teamName ?? null,
  employee_no: c.employeeNo ?? null,
  collector_level: c.collectorLevel ?? null,
  position: c.position,
  specialties: c.specialties,
  current_case_count: c.currentCases,
  max_case_count: c.maxCaseCount,
  performance_score: c.performanceScore ?? null,
  status: c.status,
  is_active: c.isActive,
  last_login_at: ccoTimeOrNull(c.user?.lastLoginAt, zone),
  created_at: ccoTime(c.createdAt, zone),
});

const collectorFields = {
  mobile: z.string().max(50).nullable().optional(),
  employee_no: z.string().max(50).nullable().optional(),
  collector_level: z.string().max(20).nullable().optional(),
  max_case_count: z.number().int().min(0).optional(),
  specialties: z.array(z.string().max(50)).max(50).optional(),
  status: workStatus.optional(),
  is_active: z.boolean().optional(),
};
const collectorCode = z.string().min(1).max(50).regex(/^[A-Za-z0-9_.-]+$/, 'may hold letters, digits and . _ - only');
type CollectorBody = { [K in keyof typeof collectorFields]?: z.output<(typeof collectorFields)[K]> };
const collectorInput = (b: CollectorBody) =>
  defined({
    mobile: b.mobile,
    employeeNo: b.employee_no,
    collectorLevel: b.collector_level,
    maxCaseCount: b.max_case_count,
    specialties: b.specialties,
    status: b.status,
    isActive: b.is_active,
  });

// ---- routes --------------------------------------------------------------------------------------------------

const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
const id = z.number().int().positive();
const queryId = intIdParam.optional();
const agencyParams = z.object({ agency_id: intIdParam });
const groupParams = z.object({ group_id: intIdParam });
const teamParams = z.object({ team_id: intIdParam });
const collectorParams = z.object({ collector_id: intIdParam });
const activeFilter = (v: string | undefined) => (v === undefined ? undefined : isTrue(v));

export const ccoOrgRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/agencies',
    summary: '获取机构列表',
    description: 'SuperAdmin: every tenant, `tenant_id` narrows. TenantAdmin: their tenant. AgencyAdmin/SPV: their own agency.',
    query: z.object({ ...ccoPageQuery, tenant_id: queryId.describe('甲方ID（SuperAdmin可选）'), is_active: queryBool.optional() }),
    response: ccoPage(agencyItem),
    operation: CcoAgenciesDocument,
    variables: ({ query }) => ({ tenantId: query.tenant_id, isActive: activeFilter(query.is_active), page: query.page, pageSize: query.size }),
    map: (d, { query }) => ({
      total: d.agencies.total,
      page: d.agencies.page,
      size: query.size,
      items: d.agencies.items.map((a) => toAgency(a, tenantZone(d.me))),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/agencies',
    summary: '创建机构',
    description: 'Answers the agency as the list shows it. A SuperAdmin names `tenant_id`; a TenantAdmin naming another tenant is 403. A taken agency_code is 409.',
    body: z.object({ tenant_id: id.optional(), agency_code: agencyCode, agency_name: agencyName, ...agencyFields }),
    response: agencyItem,
    message: '创建成功',
    operation: CcoCreateAgencyDocument,
    variables: ({ body }) => ({
      input: { ...agencyInput(body), agencyCode: body.agency_code, agencyName: body.agency_name, tenantId: body.tenant_id === undefined ? undefined : String(body.tenant_id) },
    }),
    map: (d) => toAgency(d.createAgency, d.createAgency.tenant.zone),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/agencies/{agency_id}',
    summary: '获取机构详情',
    description: 'The list item plus team_count, collector_count, total_cases and active_cases (open cases), counted in SQL.',
    params: agencyParams,
    response: agencyDetail,
    operation: CcoAgencyDocument,
    variables: ({ params }) => ({ id: params.agency_id }),
    map: (d) => {
      if (!d.agency) throw notFoundError('Agency');
      const zone = tenantZone(d.me);
      return {
        ...toAgency(d.agency, zone),
        updated_at: ccoTime(d.agency.updatedAt, zone),
        team_count: d.agency.teamCount,
        collector_count: d.agency.collectorCount,
        total_cases: d.agency.totalCases,
        active_cases: d.agency.activeCases,
      };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/agencies/{agency_id}',
    summary: '更新机构',
    description: 'The document lists only the path: the fields of create, all optional (only those sent change; tenant_id cannot change). Answers the agency.',
    params: agencyParams,
    body: z.object({ agency_code: agencyCode.optional(), agency_name: agencyName.optional(), ...agencyFields }),
    response: agencyItem,
    message: '更新成功',
    operation: CcoUpdateAgencyDocument,
    variables: ({ params, body }) => ({ id: params.agency_id, input: agencyInput(body) }),
    map: (d) => toAgency(d.updateAgency, d.updateAgency.tenant.zone),
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/v1/agencies/{agency_id}',
    summary: '删除机构',
    description: 'Refused with 400 while the agency still has teams, collectors (staff profiles) or open cases; the message says how many of each.',
    params: agencyParams,
    message: '删除成功',
    operation: CcoDeleteAgencyDocument,
    variables: ({ params }) => ({ id: params.agency_id }),
    map: () => undefined,
  }),

  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/team-groups',
    summary: '获取小组群列表',
    query: z.object({ ...ccoPageQuery, agency_id: queryId.describe('机构ID'), is_active: queryBool.optional() }),
    response: ccoPage(groupItem),
    operation: CcoTeamGroupsDocument,
    variables: ({ query }) => ({ agencyId: query.agency_id, isActive: activeFilter(query.is_active), page: query.page, pageSize: query.size }),
    map: (d, { query }) => ({ total: d.teamGroups.total, page: d.teamGroups.page, size: query.size, items: d.teamGroups.items.map(toGroup) }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/team-groups',
    summary: '创建小组群',
    description:
      'With spv_login_id and spv_password (and spv_account_name, optional spv_email, spv_mobile) the SPV account (role SPV) is created in the same call and becomes the group’s SPV (decisions.md § CCO). A taken group_code or spv_login_id is 409.',
    fieldAliases: { loginId: 'spv_login_id', password: 'spv_password', accountName: 'spv_account_name', email: 'spv_email', mobile: 'spv_mobile', username: 'spv_login_id' },
    body: z
      .object({
        tenant_id: id.optional(),
        agency_id: id,
        group_code: agencyCode,
        group_name: z.string().min(1).max(100),
        group_name_en: z.string().max(100).nullable().optional(),
        description: z.string().max(500).nullable().optional(),
        sort_order: z.number().int().min(0).optional(),
        is_active: z.boolean().optional(),
        spv_login_id: z.string().min(2).max(64).optional(),
        spv_password: z.string().min(6).max(256).optional(),
        spv_account_name: z.string().min(1).max(100).optional(),
        spv_email: z.email().max(255).nullable().optional(),
        spv_mobile: z.string().max(50).nullable().optional(),
      })
      .refine((b) => !b.spv_login_id === !b.spv_password, { message: 'spv_login_id and spv_password go together', path: ['spv_password'] }),
    response: groupItem,
    message: '创建成功',
    operation: CcoCreateTeamGroupDocument,
    variables: ({ body }) => ({
      input: defined({
        tenantId: body.tenant_id === undefined ? undefined : String(body.tenant_id),
        agencyId: String(body.agency_id),
        groupCode: body.group_code,
        groupName: body.group_name,
        groupNameEn: body.group_name_en,
        description: body.description,
        sortOrder: body.sort_order,
        isActive: body.is_active,
        spv:
          body.spv_login_id && body.spv_password
            ? defined({
                loginId: body.spv_login_id,
                password: body.spv_password,
                accountName: body.spv_account_name ?? body.spv_login_id,
                email: body.spv_email,
                mobile: body.spv_mobile,
              })
            : undefined,
      }) as never,
    }),
    map: (d) => toGroup(d.createTeamGroup),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/team-groups/{group_id}/spv',
    summary: '设置小组群长（SPV）',
    description: 'spv_id is a staff profile (collector id) of the group’s agency: its position becomes spv. Answers the group.',
    params: groupParams,
    body: z.object({ spv_id: id }),
    response: groupItem,
    message: '设置成功',
    operation: CcoSetTeamGroupSpvDocument,
    variables: ({ params, body }) => ({ groupId: params.group_id, spvId: String(body.spv_id) }),
    map: (d) => toGroup(d.setTeamGroupSpv),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/team-groups/{group_id}',
    summary: '获取小组群详情',
    description: 'The list item plus spv {id, collector_name, mobile} and teams {id, team_code, team_name, collector_count}.',
    params: groupParams,
    response: groupDetail,
    operation: CcoTeamGroupDocument,
    variables: ({ params }) => ({ id: params.group_id }),
    map: (d) => {
      if (!d.teamGroup) throw notFoundError('TeamGroup');
      return {
        ...toGroup(d.teamGroup),
        spv: toStaffRef(d.teamGroup.spv),
        teams: d.teamGroup.teams.map((t) => ({ id: Number(t.id), team_code: t.teamCode, team_name: t.teamName, collector_count: t.collectorCount })),
      };
    },
  }),

  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/teams',
    summary: '获取小组列表',
    query: z.object({
      ...ccoPageQuery,
      agency_id: queryId,
      team_group_id: queryId,
      queue_id: queryId,
      is_active: queryBool.optional(),
    }),
    response: ccoPage(teamItem),
    operation: CcoTeamsDocument,
    variables: ({ query }) => ({
      agencyId: query.agency_id,
      teamGroupId: query.team_group_id,
      queueId: query.queue_id,
      isActive: activeFilter(query.is_active),
      page: query.page,
      pageSize: query.size,
    }),
    map: (d, { query }) => ({ total: d.teams.total, page: d.teams.page, size: query.size, items: d.teams.items.map(toTeam) }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/teams',
    summary: '创建小组',
    description: 'team_group_id must be a group of the same agency; queue_id a queue of the tenant. A taken team_code is 409. Answers the team as the list shows it.',
    body: z.object({
      tenant_id: id.optional(),
      agency_id: id,
      team_group_id: id.nullable().optional(),
      queue_id: id.nullable().optional(),
      team_code: agencyCode,
      team_name: z.string().min(1).max(100),
      team_name_en: z.string().max(100).nullable().optional(),
      team_type: z.string().max(50).nullable().optional(),
      description: z.string().max(500).nullable().optional(),
      max_case_count: z.number().int().min(0).optional(),
      is_active: z.boolean().optional(),
    }),
    response: teamItem,
    message: '创建成功',
    operation: CcoCreateTeamDocument,
    variables: ({ body }) => ({
      input: defined({
        tenantId: body.tenant_id === undefined ? undefined : String(body.tenant_id),
        agencyId: String(body.agency_id),
        teamGroupId: body.team_group_id ? String(body.team_group_id) : undefined,
        queueId: body.queue_id ? String(body.queue_id) : undefined,
        teamCode: body.team_code,
        teamName: body.team_name,
        teamNameEn: body.team_name_en,
        teamType: body.team_type,
        description: body.description,
        maxCaseCount: body.max_case_count,
        isActive: body.is_active,
      }) as never,
    }),
    map: (d) => toTeam(d.createTeam),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/teams/{team_id}/leader',
    summary: '设置组长',
    description: 'team_leader_id is a staff profile (collector id) of the team’s agency: it moves into the team as team_leader. Answers the team.',
    params: teamParams,
    body: z.object({ team_leader_id: id }),
    response: teamItem.extend({ team_leader_id: idOrNull }),
    message: '设置成功',
    operation: CcoSetTeamLeaderDocument,
    variables: ({ params, body }) => ({ teamId: params.team_id, teamLeaderId: String(body.team_leader_id) }),
    map: (d) => ({ ...toTeam(d.setTeamLeader), team_leader_id: num(d.setTeamLeader.teamLeaderId) }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/teams/{team_id}',
    summary: '获取小组详情',
    description: 'The list item plus team_leader, queue, collectors (their open cases as current_case_count) and statistics (resolved = settled or closed).',
    params: teamParams,
    response: teamDetail,
    operation: CcoTeamDocument,
    variables: ({ params }) => ({ id: params.team_id }),
    map: (d) => {
      const t = d.team;
      if (!t) throw notFoundError('Team');
      return {
        ...toTeam(t),
        team_leader: toStaffRef(t.teamLeader),
        queue: t.queue
          ? { id: Number(t.queue.id), queue_name: t.queue.queueName, overdue_days_start: t.queue.overdueDaysStart, overdue_days_end: t.queue.overdueDaysEnd ?? null }
          : null,
        collectors: t.collectors.map((c) => ({
          id: Number(c.id),
          collector_name: c.collectorName,
          position: c.position,
          current_case_count: c.currentCases,
          max_case_count: c.maxCaseCount,
        })),
        statistics: {
          total_collectors: t.statistics.totalCollectors,
          total_cases: t.statistics.totalCases,
          resolved_cases: t.statistics.resolvedCases,
          resolution_rate: t.statistics.resolutionRate,
        },
      };
    },
  }),

  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/collectors',
    summary: '获取催员列表',
    description: 'Staff profiles in the caller’s scope; login_id, email and last_login_at come from the identity account.',
    query: z.object({ ...ccoPageQuery, team_id: queryId, agency_id: queryId, status: workStatus.optional().describe('active / 休假 (on_leave) / 离职 (resigned)') }),
    response: ccoPage(collectorItem),
    operation: CcoCollectorsDocument,
    variables: ({ query }) => ({ teamId: query.team_id, agencyId: query.agency_id, status: query.status, page: query.page, pageSize: query.size }),
    map: (d, { query }) => ({
      total: d.collectors.total,
      page: d.collectors.page,
      size: query.size,
      items: d.collectors.items.map((c) => toCollector(c, tenantZone(d.me))),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/collectors',
    summary: '创建催员',
    description:
      'Creates the identity account (login_id, password, collector_name, email; role collector) and the collector profile. A taken collector_code or login_id is 409 (naming it); a team of another agency is 400. Answers the collector as the list shows it.',
    body: z.object({
      tenant_id: id.optional(),
      agency_id: id,
      team_id: id.nullable().optional(),
      collector_code: collectorCode,
      collector_name: z.string().min(1).max(100),
      login_id: z.string().min(2).max(64),
      password: z.string().min(6).max(256),
      email: z.email().max(255).nullable().optional(),
      ...collectorFields,
    }),
    response: collectorItem,
    message: '创建成功',
    operation: CcoCreateCollectorDocument,
    variables: ({ body }) => ({
      input: defined({
        ...collectorInput(body),
        tenantId: body.tenant_id === undefined ? undefined : String(body.tenant_id),
        agencyId: String(body.agency_id),
        teamId: body.team_id ? String(body.team_id) : undefined,
        collectorCode: body.collector_code,
        collectorName: body.collector_name,
        loginId: body.login_id,
        password: body.password,
        email: body.email,
      }) as never,
    }),
    map: (d) => toCollector(d.createCollector, d.createCollector.tenant.zone),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/collectors/{collector_id}',
    summary: '更新催员信息',
    description:
      'The document lists only the path: the fields of create except tenant_id, agency_id, login_id and password (see reset-password), all optional. collector_name and email also change on the account. Answers the collector.',
    params: collectorParams,
    body: z.object({
      team_id: id.optional(),
      collector_code: collectorCode.optional(),
      collector_name: z.string().min(1).max(100).optional(),
      email: z.email().max(255).nullable().optional(),
      ...collectorFields,
    }),
    response: collectorItem,
    message: '更新成功',
    operation: CcoUpdateCollectorDocument,
    variables: ({ params, body }) => ({
      id: params.collector_id,
      input: defined({
        ...collectorInput(body),
        teamId: body.team_id === undefined ? undefined : String(body.team_id),
        collectorCode: body.collector_code,
        collectorName: body.collector_name,
        email: body.email,
      }) as never,
    }),
    map: (d) => toCollector(d.updateCollector, d.updateCollector.tenant.zone),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/collectors/{collector_id}',
    summary: '获取催员详情',
    description:
      'The list item plus current_cases (open), performance (over the collector’s cases, confirmed repayments and communications; contact_rate = reached / all) and recent_activities for the last 7 days, newest first.',
    params: collectorParams,
    response: collectorDetail,
    operation: CcoCollectorDocument,
    variables: ({ params }) => ({ id: params.collector_id }),
    map: (d) => {
      const c = d.collector;
      if (!c) throw notFoundError('Collector');
      return {
        ...toCollector(c, tenantZone(d.me)),
        current_cases: c.currentCases,
        performance: {
          total_cases: c.performance.totalCases,
          resolved_cases: c.performance.resolvedCases,
          resolution_rate: c.performance.resolutionRate,
          total_collected_amount: Number(Number(c.performance.totalCollectedAmount).toFixed(2)),
          contact_rate: c.performance.contactRate,
        },
        recent_activities: c.recentActivities.map((a) => ({ date: a.date, contact_count: a.contactCount, ptp_count: a.ptpCount })),
      };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/collectors/{collector_id}/reset-password',
    summary: '重置催员密码',
    description: 'Sets the account’s password (the tenant’s password policy applies) and signs it out everywhere.',
    params: collectorParams,
    body: z.object({ new_password: z.string().min(6).max(256) }),
    message: '密码重置成功',
    operation: CcoResetCollectorPasswordDocument,
    variables: ({ params, body }) => ({ id: params.collector_id, newPassword: body.new_password }),
    map: () => undefined,
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/collectors/{collector_id}/status',
    summary: '禁用/启用催员',
    description: 'is_active false also deactivates the identity account (signed out, cannot sign in); true reactivates it. Answers {id, is_active, status, reason}.',
    params: collectorParams,
    body: z.object({ is_active: z.boolean(), reason: z.string().max(255).nullable().optional() }),
    response: z.object({ id: idNum, is_active: z.boolean(), status: z.string(), reason: text }),
    message: '更新成功',
    operation: CcoSetCollectorStatusDocument,
    variables: ({ params, body }) => ({ id: params.collector_id, isActive: body.is_active, reason: body.reason ?? undefined }),
    map: ({ setCollectorStatus: c }) => ({ id: Number(c.id), is_active: c.isActive, status: c.status, reason: c.disabledReason ?? null }),
  }),

  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/agency-working-hours',
    summary: '获取机构工作时间配置',
    description:
      'Seven days per agency in the caller’s scope (agency_id narrows to one). A day with nothing configured is the default (Mon–Fri 09:00–18:00 working, weekend not) with id null. Set them with the GraphQL mutation setAgencyWorkingHours.',
    query: z.object({ agency_id: queryId }),
    response: z.object({
      items: z.array(
        z.object({ id: idOrNull, agency_id: idNum, day_of_week: z.number().int(), start_time: z.string(), end_time: z.string(), is_working_day: z.boolean() }),
      ),
    }),
    operation: CcoAgencyWorkingHoursDocument,
    variables: ({ query }) => ({ agencyId: query.agency_id }),
    map: (d) => ({
      items: d.agencyWorkingHours.map((h) => ({
        id: num(h.id),
        agency_id: Number(h.agencyId),
        day_of_week: h.dayOfWeek,
        start_time: h.startTime,
        end_time: h.endTime,
        is_working_day: h.isWorkingDay,
      })),
    }),
  }),
];
