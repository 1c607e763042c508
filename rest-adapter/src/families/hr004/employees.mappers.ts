import { z } from 'zod';
import type { HrCreateEmployeeMutation, HrEmployeeDetailFragment, HrEmployeesQuery } from './operations.generated';
import { isoTime, ref, time, timeOrNull } from './hr004.shapes';

const status = z.enum(['active', 'inactive']);

/** POST /employees answer. */
export const createdEmployee = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  full_name: z.string().nullable(),
  position: ref.nullable(),
  role: ref.nullable(),
  status,
  created_at: isoTime,
});

/** An item of GET /employees. */
export const employeeItem = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  full_name: z.string().nullable(),
  position: ref.extend({ level: z.number().int() }).nullable(),
  role: ref.extend({ code: z.string() }).nullable(),
  status,
  created_at: isoTime,
  last_login: isoTime.nullable(),
});

/** GET /employees/{id} (also the answer of PUT). */
export const employeeDetail = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  full_name: z.string().nullable(),
  position: ref
    .extend({ code: z.string(), level: z.number().int(), department: z.string().nullable() })
    .nullable(),
  role: ref.extend({ code: z.string(), permissions: z.array(z.string()) }).nullable(),
  status,
  created_at: isoTime,
  updated_at: isoTime,
  last_login: isoTime.nullable(),
  work_logs_count: z.number().int().describe('from the worklogs subgraph'),
  avg_self_rating: z.number().nullable().describe('1–5, two decimals; null without a self-rated log'),
  avg_supervisor_rating: z.number().nullable().describe('1–5, two decimals; null without a rated log'),
});

type EmployeeBase = Pick<HrEmployeeDetailFragment, 'id' | 'username' | 'email' | 'fullName' | 'status'>;

const base = (u: EmployeeBase) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  full_name: u.fullName,
  status: u.status,
});

export const toCreatedEmployee = (u: HrCreateEmployeeMutation['createUser']): z.input<typeof createdEmployee> => ({
  ...base(u),
  position: u.position ? { id: u.position.id, name: u.position.name } : null,
  role: u.role ? { id: u.role.id, name: u.role.name } : null,
  created_at: time(u.createdAt),
});

export const toEmployeeItem = (u: HrEmployeesQuery['users']['items'][number]): z.input<typeof employeeItem> => ({
  ...base(u),
  position: u.position ? { id: u.position.id, name: u.position.name, level: u.position.level } : null,
  role: u.role ? { id: u.role.id, name: u.role.name, code: u.role.code } : null,
  created_at: time(u.createdAt),
  last_login: timeOrNull(u.lastLoginAt),
});

export const toEmployeeDetail = (u: HrEmployeeDetailFragment): z.input<typeof employeeDetail> => {
  const p = u.position;
  const r = u.role;
  return {
    ...base(u),
    position: p ? { id: p.id, name: p.name, code: p.code, level: p.level, department: p.department } : null,
    role: r ? { id: r.id, name: r.name, code: r.code, permissions: r.permissions } : null,
    created_at: time(u.createdAt),
    updated_at: time(u.updatedAt),
    last_login: timeOrNull(u.lastLoginAt),
    work_logs_count: u.workLogCount,
    avg_self_rating: u.avgSelfRating,
    avg_supervisor_rating: u.avgSupervisorRating,
  };
};
