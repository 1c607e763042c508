import type { FilterQuery } from '@mikro-orm/core';
import { badInput, forbidden, hasPermission, pageWindow, recordDomainEvent, recordEvent, toPage, type Paged, requireId, PageArgs, type PageArgsType, targetTenantId, containingText } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role, User, UserRole, UserStatus } from '../entities';
import type { IdentityContext } from '../identity.context';
import { USER_DELETED, type UserDeletedPayload } from '../services/identity.events';
import { findManageableUser } from '../services/managed-account.policy';
import { assertPasswordPolicy } from '../services/password-policy';
import { setNewPassword } from '../services/password-reset';
import { hashPassword } from '../services/password.service';
import { assertMayAssignRole } from '../services/role-grant.service';
import { revokeSessionsOf } from '../services/session.service';
import { tenantExists } from '../services/tenant-exists';
import { findUser, holdersOf } from '../services/user-lookup';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import {
  assertAvailable,
  auditedUser,
  createUserRecord,
  recordUserChange,
  normaliseEmail,
  positionOf,
  replaceRoles,
  roleOf,
} from '../services/user.service';
import { BatchFailure, BatchResult } from './batch-result.type';
import { CreateUserInput } from './create-user.input';
import { UserPage } from './pages';
import { SortOrder, UserSortField } from './sort.enums';
import { UpdateUserInput } from './update-user.input';
import { UserFilter } from './user-filter.input';

const PageOf20 = PageArgs({ size: 20 });

const BATCH_ACTIONS = ['delete', 'activate', 'deactivate'] as const;
type BatchAction = (typeof BATCH_ACTIONS)[number];

async function userConditions(ctx: IdentityContext, filter: UserFilter | undefined): Promise<FilterQuery<User>> {
  const where: FilterQuery<User> & Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.search?.trim()) {
    const search = filter.search.trim();
    where.$or = containingText<User>(['username', 'fullName', 'email'], search);
  }
  if (filter.status) where.status = filter.status;
  if (filter.positionId) where.positionId = requireId(filter.positionId, 'filter.positionId');
  if (filter.tenantId) where.tenantId = requireId(filter.tenantId, 'filter.tenantId');
  if (filter.roleId || filter.roleCode) {
    where.id = {
      $in: await holdersOf(ctx.em, filter.roleId ? { id: requireId(filter.roleId, 'filter.roleId') } : { code: filter.roleCode! }),
    };
  }
  return where;
}

@Resolver()
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'NOT_FOUND when absent or in another tenant.' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<User> {
    return findUser(ctx, id);
  }

  @Query(() => UserPage)
  async users(
    @Ctx() ctx: IdentityContext,
    @Args(() => PageOf20) page: PageArgsType,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg('sortBy', () => UserSortField, { nullable: true, defaultValue: UserSortField.createdAt }) sortBy?: UserSortField | null,
    @Arg('sortOrder', () => SortOrder, { nullable: true, defaultValue: SortOrder.desc }) sortOrder?: SortOrder | null,
  ): Promise<Paged<User>> {
    const paging = page.window();
    const order = sortOrder ?? SortOrder.desc;
    const [items, total] = await ctx.em.findAndCount(User, await userConditions(ctx, filter), {
      orderBy: { [sortBy ?? UserSortField.createdAt]: order, id: order },
      ...pageWindow(paging),
    });
    return toPage(items, total, paging);
  }

  @Mutation(() => User)
  async createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: IdentityContext): Promise<User> {
    const tenantId = await targetTenantId(ctx, input.tenantId, 'tenantId', tenantExists(ctx.em));
    const positionId = await positionOf(ctx.em, tenantId, input.positionId, 'positionId');
    const role =
      (await roleOf(ctx.em, tenantId, input)) ?? (await ctx.em.findOne(Role, { tenantId, code: 'user' }));
    if (role) await assertMayAssignRole(ctx, ctx.caller, role);
    const user = await createUserRecord(ctx.em, {
      tenantId,
      username: input.username,
      email: input.email,
      password: input.password,
      fullName: input.fullName,
      positionId,
      status: input.status ?? UserStatus.active,
      roles: role ? [role] : [],
    });
    recordDomainEvent(ctx, {
      source: 'identity',
      tenantId: user.tenantId,
      action: 'create',
      resourceType: 'user',
      resourceId: user.id,
      after: auditedUser(user, role ? [role.code] : []),
      summary: `新增用户 ${user.username}`,
    });
    return user;
  }

  @Mutation(() => User, { description: 'Absent fields stay unchanged.' })
  async updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateUserInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<User> {
    const user = await findManageableUser(ctx, id, input.status === UserStatus.inactive ? 'deactivate' : 'update');
    const email = input.email === undefined ? undefined : normaliseEmail(input.email);
    if (email) await assertAvailable(ctx.em, { email }, user.id);
    const positionId =
      input.positionId === undefined ? undefined : await positionOf(ctx.em, user.tenantId, input.positionId, 'positionId');
    const role = await roleOf(ctx.em, user.tenantId, input);
    if (role) await assertMayAssignRole(ctx, ctx.caller, role, user);
    if (input.password) await assertPasswordPolicy(ctx.em, user.tenantId, input.password, 'password');
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const oldRoles = (await rolesByUser(ctx).load(user.id)).map((r) => r.code);
    const before = auditedUser(user, oldRoles);

    if (email !== undefined) user.email = email;
    if (input.fullName !== undefined) user.fullName = input.fullName;
    if (positionId !== undefined) user.positionId = positionId;
    if (input.status) user.status = input.status;
    if (passwordHash) user.passwordHash = passwordHash;
    // No flush of its own: the account's changes are written with the role change or at the mutation's commit.
    if (role) await replaceRoles(ctx, user, [role]);
    // Announced and audited whatever changed (other subgraphs' directories keep roles and status).
    recordUserChange(ctx, user, role ? [role.code] : oldRoles, before);
    if (passwordHash || (user.status as UserStatus) === UserStatus.inactive) {
      await revokeSessionsOf(ctx.em, ctx.services, { userId: user.id }, 'ACCOUNT_CHANGED');
    }
    return user;
  }

  @Mutation(() => Boolean, { description: 'Soft delete; the account’s sessions end at once.' })
  async deleteUser(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const user = await findManageableUser(ctx, id, 'delete');
    await softDelete(ctx, user);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sets a new password and signs the account out everywhere.' })
  async resetPassword(
    @Arg('id', () => ID) id: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<boolean> {
    const user = await findManageableUser(ctx, id, 'update');
    await setNewPassword(ctx, user, newPassword);
    return true;
  }

  @Mutation(() => BatchResult, { description: 'delete (users:delete) | activate | deactivate (users:update), ≤ 100 ids.' })
  async batchUsers(
    @Arg('action') action: string,
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: IdentityContext,
  ): Promise<BatchResult> {
    if (!BATCH_ACTIONS.includes(action as BatchAction)) {
      throw badInput('action', `action must be one of ${BATCH_ACTIONS.join(', ')}`);
    }
    if (ids.length < 1 || ids.length > 100) throw badInput('ids', 'ids must hold 1 to 100 ids');
    const needed = action === 'delete' ? 'users:delete' : 'users:update';
    if (!hasPermission(ctx.caller, needed)) throw forbidden(`Requires permission ${needed}`);

    const batch = action as BatchAction;
    const result: BatchResult = { action, succeeded: [], failed: [] };
    for (const id of ids) {
      try {
        const user = await findManageableUser(ctx, id, batch === 'activate' ? 'update' : batch);
        await applyBatch(ctx, user, batch);
        result.succeeded.push(id);
      } catch (error) {
        result.failed.push(failure(id, error));
      }
    }
    return result;
  }
}

async function softDelete(ctx: IdentityContext, user: User): Promise<void> {
  user.deletedAt = new Date();
  user.status = UserStatus.inactive;
  const payload: UserDeletedPayload = { userId: user.id };
  recordEvent(ctx.em, { topic: USER_DELETED, tenantId: user.tenantId, aggregateId: user.id, payload });
  recordDomainEvent(ctx, {
    source: 'identity',
    tenantId: user.tenantId,
    action: 'delete',
    resourceType: 'user',
    resourceId: user.id,
    summary: `删除用户 ${user.username}`,
  });
  // Written at the mutation's commit, together with the role links and the sessions below.
  // Role links go with the account, so a role whose only holders were deleted can itself be deleted.
  await ctx.em.nativeDelete(UserRole, { userId: user.id });
  await revokeSessionsOf(ctx.em, ctx.services, { userId: user.id }, 'ACCOUNT_DELETED');
}

async function applyBatch(ctx: IdentityContext, user: User, action: BatchAction): Promise<void> {
  if (action === 'delete') return softDelete(ctx, user);
  const roles = (await rolesByUser(ctx).load(user.id)).map((r) => r.code);
  const before = auditedUser(user, roles);
  user.status = action === 'activate' ? UserStatus.active : UserStatus.inactive;
  recordUserChange(ctx, user, roles, before);
  await ctx.em.flush();
  if (action === 'deactivate') await revokeSessionsOf(ctx.em, ctx.services, { userId: user.id }, 'ACCOUNT_INACTIVE');
}

function failure(id: string, error: unknown): BatchFailure {
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code !== 'string') throw error;
  return { id, code, message: (error as Error).message };
}
