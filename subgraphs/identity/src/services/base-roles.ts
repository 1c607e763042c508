import type { DataScope } from '@platform/kit';
import { effectiveCodes, grantCodes } from './permission-codes';

/** The 004 menus every tenant starts with; their codes are the resources of the 004 permission codes. */
export const BASE_MENUS = [
  { code: 'employees', name: '员工管理', path: '/employees', icon: 'user', sortOrder: 1 },
  { code: 'positions', name: '岗位管理', path: '/positions', icon: 'apartment', sortOrder: 2 },
  { code: 'menus', name: '菜单管理', path: '/menus', icon: 'menu', sortOrder: 3 },
  { code: 'roles', name: '角色管理', path: '/roles', icon: 'team', sortOrder: 4 },
  { code: 'permissions', name: '权限管理', path: '/permissions', icon: 'safety', sortOrder: 5 },
  { code: 'worklogs', name: '工作日志', path: '/worklogs', icon: 'calendar', sortOrder: 6 },
] as const;

export type BaseMenuCode = (typeof BASE_MENUS)[number]['code'];

const ALL_ACTIONS: Record<BaseMenuCode, string[]> = {
  employees: ['view', 'create', 'update', 'delete'],
  positions: ['view', 'create', 'update', 'delete'],
  menus: ['view', 'create', 'update', 'delete'],
  roles: ['view', 'create', 'update', 'delete'],
  permissions: ['view', 'assign'],
  worklogs: ['view', 'create', 'update', 'delete', 'rate', 'export'],
};

/** Plain roles keep their own work log (004) and nothing administrative. */
const SELF_SERVICE: Partial<Record<BaseMenuCode, string[]>> = { worklogs: ['view', 'create', 'update'] };

export interface BaseRoleDefinition {
  code: string;
  name: string;
  description: string;
  scope: DataScope;
  /** Codes given directly; `*` = every permission (within the tenant, unless the scope is platform). */
  permissions: string[];
  /** Menu grants made when the role is created. */
  grants: Partial<Record<BaseMenuCode, string[]>>;
  /** Lives outside every tenant (tenantId null). */
  platform?: boolean;
}

/** What each level of a CCO organisation may do in the admin console; its data scope narrows where (collections). */
const CCO_TEAM_LEADER = [
  // decisions.md § CCO: leaders, SPVs and agency admins sign in at the admin console (their data scope bounds it).
  'admin-console:access',
  'teams:view',
  'collectors:view',
  'queues:view',
  'cases:view',
  'cases:assign',
  'cases:transfer',
  'cases:export',
  'fields:view',
  'dashboards:view',
  'reports:export',
];
const CCO_SPV = [...CCO_TEAM_LEADER, 'agencies:view', 'team_groups:view', 'teams:update'];
const CCO_AGENCY_ADMIN = [
  ...CCO_SPV,
  'agencies:update',
  'team_groups:create',
  'team_groups:update',
  'teams:create',
  'collectors:create',
  'collectors:update',
  'cases:update',
  'working_hours:view',
  'working_hours:update',
  'system_config:view',
];

/** decisions.md's base roles. Admin roles hold `*`: "a tenant's admin holds every permission in the tenant". */
export const BASE_ROLE_DEFINITIONS: readonly BaseRoleDefinition[] = [
  { code: 'SuperAdmin', name: '超级管理员', description: 'Platform super administrator', scope: 'platform', permissions: ['*'], grants: {}, platform: true },
  { code: 'TenantAdmin', name: '租户管理员', description: 'Administrator of one tenant', scope: 'tenant', permissions: ['*'], grants: ALL_ACTIONS },
  { code: 'admin', name: '系统管理员', description: 'Tenant administrator: HR, leads and sales admin', scope: 'tenant', permissions: ['*'], grants: ALL_ACTIONS },
  { code: 'user', name: '普通用户', description: 'Plain user: sees what they registered', scope: 'own', permissions: [], grants: SELF_SERVICE },
  { code: 'sales', name: '销售', description: 'Sales: leads assigned to them', scope: 'own', permissions: [], grants: SELF_SERVICE },
  { code: 'service', name: '客服', description: 'Service: leads they registered', scope: 'own', permissions: [], grants: SELF_SERVICE },
  { code: 'AgencyAdmin', name: '机构管理员', description: 'CCO agency administrator: their agency', scope: 'agency', permissions: CCO_AGENCY_ADMIN, grants: SELF_SERVICE },
  { code: 'SPV', name: '小组群长', description: 'CCO team group supervisor (SPV): their team group', scope: 'team_group', permissions: CCO_SPV, grants: SELF_SERVICE },
  { code: 'TeamLeader', name: '组长', description: 'CCO team leader: their team', scope: 'team', permissions: CCO_TEAM_LEADER, grants: SELF_SERVICE },
  { code: 'collector', name: '催收员', description: 'Collector: their own cases', scope: 'own', permissions: [], grants: SELF_SERVICE },
];

/** The permission codes a holder of the base role ends up with (what its access token carries). */
export function basePermissionsOf(roleCode: string): string[] {
  const def = BASE_ROLE_DEFINITIONS.find((d) => d.code === roleCode);
  if (!def) throw new Error(`Unknown base role ${roleCode}`);
  const granted = Object.entries(def.grants).flatMap(([menu, actions]) => grantCodes(menu, actions ?? []));
  return effectiveCodes([...def.permissions, ...granted]);
}
