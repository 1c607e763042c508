import { z } from 'zod';
import { toErrorCode } from '@platform/kit';
import { notFoundError, RestError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, identityText, idString } from '../shared/inputs';
import { hr004, hrErrorCode } from './hr004.family';
import { idParams, pageOf, pageQuery, toPage } from './hr004.shapes';
import { createdEmployee, employeeDetail, employeeItem, toCreatedEmployee, toEmployeeDetail, toEmployeeItem } from './employees.mappers';
import { HrBatchEmployeesDocument, HrCreateEmployeeDocument, HrDeleteEmployeeDocument, HrEmployeeDocument, HrEmployeesDocument, HrResetPasswordDocument, HrUpdateEmployeeDocument } from './operations.generated';

const status = z.enum(['active', 'inactive']);
const SORT_FIELDS = { created_at: 'createdAt', full_name: 'fullName', username: 'username' } as const;

const common = { family: hr004, rateLimit: rateLimit.normal, auth: true } as const;

export const hrEmployeeRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/employees',
    summary: '创建员工 (employees:create)',
    status: 201,
    body: z.object({
      username: identityText.username,
      email: identityText.email.optional(),
      password: identityText.password,
      full_name: identityText.name.optional(),
      position_id: idString.nullable().optional(),
      role_id: idString.nullable().optional(),
      status: status.optional(),
    }),
    response: createdEmployee,
    operation: HrCreateEmployeeDocument,
    variables: ({ body }) => ({
      input: defined({
        username: body.username,
        email: body.email,
        password: body.password,
        fullName: body.full_name,
        positionId: body.position_id ?? undefined,
        roleId: body.role_id ?? undefined,
        status: body.status,
      }),
    }),
    map: (d) => toCreatedEmployee(d.createUser),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/employees',
    summary: '查询员工列表 (employees:view)',
    query: z.object({
      ...pageQuery,
      search: z.string().optional().describe('搜索关键词（用户名、姓名、邮箱）'),
      position_id: idString.optional(),
      role_id: idString.optional(),
      status: status.optional(),
      sort_by: z.enum(['created_at', 'full_name', 'username']).optional(),
      sort_order: z.enum(['asc', 'desc']).optional(),
    }),
    response: pageOf(employeeItem),
    operation: HrEmployeesDocument,
    variables: ({ query }) => ({
      filter: defined({ search: query.search, positionId: query.position_id, roleId: query.role_id, status: query.status }),
      sortBy: query.sort_by ? SORT_FIELDS[query.sort_by] : undefined,
      sortOrder: query.sort_order,
      page: query.page,
      pageSize: query.page_size,
    }),
    map: (d) => toPage(d.users, toEmployeeItem),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/employees/{id}',
    summary: '查询员工详情 (employees:view)',
    params: idParams,
    response: employeeDetail,
    operation: HrEmployeeDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.user) throw notFoundError('Employee');
      return toEmployeeDetail(d.user);
    },
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/employees/{id}',
    summary: '更新员工信息 (employees:update)',
    description: 'Only the fields sent change. The document shows no answer: this returns the employee as GET /employees/{id} does.',
    params: idParams,
    body: z.object({
      email: identityText.email.nullable().optional(),
      full_name: identityText.name.nullable().optional(),
      position_id: idString.nullable().optional(),
      role_id: idString.nullable().optional(),
      status: status.optional(),
    }),
    response: employeeDetail,
    operation: HrUpdateEmployeeDocument,
    variables: ({ params, body }) => ({
      id: params.id,
      input: defined({
        email: body.email,
        fullName: body.full_name,
        positionId: body.position_id,
        roleId: body.role_id,
        status: body.status,
      }),
    }),
    map: (d) => toEmployeeDetail(d.updateUser),
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/employees/{id}',
    summary: '删除员工 (employees:delete)',
    description: 'Soft delete: the account can no longer sign in and its sessions are revoked.',
    params: idParams,
    status: 204,
    operation: HrDeleteEmployeeDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.deleteUser) throw notFoundError('Employee');
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/employees/{id}/reset-password',
    summary: '重置员工密码 (employees:update)',
    description: 'The document shows no answer: `data` is null, `message` 密码已重置.',
    params: idParams,
    body: z.object({ new_password: identityText.password }),
    message: '密码已重置',
    operation: HrResetPasswordDocument,
    variables: ({ params, body }) => ({ id: params.id, newPassword: body.new_password }),
    map: (d) => {
      if (!d.resetPassword) throw notFoundError('Employee');
      return null;
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/employees/batch',
    summary: '批量操作 (delete: employees:delete; activate/deactivate: employees:update)',
    description:
      'The document shows no answer: `data` lists the ids that succeeded and, per failed id, its 004 error code.',
    body: z.object({
      action: z.enum(['delete', 'activate', 'deactivate']),
      employee_ids: z.array(idString).min(1).max(100),
    }),
    response: z.object({
      action: z.string(),
      succeeded: z.array(z.string()),
      failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
    }),
    operation: HrBatchEmployeesDocument,
    fieldAliases: { ids: 'employee_ids' },
    variables: ({ body }) => ({ action: body.action, ids: body.employee_ids }),
    map: (d) => ({
      action: d.batchUsers.action,
      succeeded: d.batchUsers.succeeded,
      failed: d.batchUsers.failed.map((f) => ({
        id: f.id,
        code: hrErrorCode(new RestError(toErrorCode(f.code), f.message)),
        message: f.message,
      })),
    }),
  }),
];
