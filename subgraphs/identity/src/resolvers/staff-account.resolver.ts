import { forbidden, recordDomainEvent, recordEvent, targetTenantId } from '@platform/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role, User, UserRole, UserStatus } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import { USER_DELETED, type UserDeletedPayload } from '../services/identity.events';
import { findManageableUser } from '../services/managed-account.policy';
import { setNewPassword } from '../services/password-reset';
import { assertMayAssignRole } from '../services/role-grant.service';
import { revokeSessionsOf } from '../services/session.service';
import { assertMayChangeToStaffRole, assertMayGiveStaffRole, assertStaffAccount } from '../services/staff-account.policy';
import { tenantExists } from '../services/tenant-exists';
import { assertAvailable, auditedUser, createUserRecord, normaliseEmail, recordUserChange, replaceRoles } from '../services/user.service';
import { CreateStaffAccountInput, UpdateStaffAccountInput } from './staff-account.input';

/** A compensation may discard only an account made moments ago for the profile that then failed. */
const DISCARD_WINDOW_MS = 10 * 60 * 1000;

/**
 * CCO staff accounts, for collections' admin console: it creates a collector's (or an SPV's) account, resets its
 * password and (de)activates it AS the admin calling collections, who holds `collectors:*` / `team_groups:create`
 * rather than `users:*`. Only staff accounts (collector, SPV, team leader roles alone) are reached here.
 */
@Resolver()
export class StaffAccountResolver {
  @Mutation(() => User, { description: 'A staff account with its role, in the caller’s tenant (platform callers name one).' })
  async createStaffAccount(@Arg('input') input: CreateStaffAccountInput, @Ctx() ctx: IdentityContext): Promise<User> {
    assertMayGiveStaffRole(ctx, input.role);
    const tenantId = await targetTenantId(ctx, input.tenantId, 'tenantId', tenantExists(ctx.em));
    const role = await ctx.em.findOne(Role, { tenantId, code: input.role });
    if (!role) throw IdentityErrors.unknownReference('role', `role ${input.role}`);
    await assertMayAssignRole(ctx, ctx.caller, role);
    const user = await createUserRecord(ctx.em, {
      tenantId,
      username: input.username,
      email: input.email,
      password: input.password,
      fullName: input.fullName,
      status: UserStatus.active,
      roles: [role],
    });
    recordDomainEvent(ctx, {
      source: 'identity',
      tenantId: user.tenantId,
      action: 'create',
      resourceType: 'user',
      resourceId: user.id,
      after: auditedUser(user, [role.code]),
      summary: `新增员工账号 ${user.username}`,
    });
    return user;
  }

  @Mutation(() => Boolean, { description: 'Sets a staff account’s password and signs it out everywhere.' })
  async resetStaffPassword(
    @Arg('id', () => ID) id: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<boolean> {
    const user = await findManageableUser(ctx, id, 'update');
    await assertStaffAccount(ctx, user);
    await setNewPassword(ctx, user, newPassword);
    return true;
  }

  @Mutation(() => User, { description: 'Activates or deactivates a staff account; a deactivated one is signed out and cannot sign in.' })
  async setStaffAccountStatus(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Ctx() ctx: IdentityContext,
  ): Promise<User> {
    const user = await findManageableUser(ctx, id, active ? 'update' : 'deactivate');
    await assertStaffAccount(ctx, user);
    const roles = (await rolesByUser(ctx).load(user.id)).map((r) => r.code);
    const before = auditedUser(user, roles);
    user.status = active ? UserStatus.active : UserStatus.inactive;
    recordUserChange(ctx, user, roles, before);
    await ctx.em.flush();
    if (!active) await revokeSessionsOf(ctx.em, ctx.services, { userId: user.id }, 'ACCOUNT_DISABLED');
    return user;
  }

  @Mutation(() => User, { description: 'A staff account’s name and e-mail (the collector’s name is shown in collections).' })
  async updateStaffAccount(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateStaffAccountInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<User> {
    const user = await findManageableUser(ctx, id, 'update');
    await assertStaffAccount(ctx, user);
    const email = input.email === undefined ? undefined : normaliseEmail(input.email);
    if (email) await assertAvailable(ctx.em, { email }, user.id);
    const role = input.role ? await ctx.em.findOne(Role, { tenantId: user.tenantId, code: input.role }) : null;
    if (input.role) {
      assertMayChangeToStaffRole(ctx, input.role);
      if (!role) throw IdentityErrors.unknownReference('role', `role ${input.role}`);
      await assertMayAssignRole(ctx, ctx.caller, role, user);
    }
    const roles = (await rolesByUser(ctx).load(user.id)).map((r) => r.code);
    const before = auditedUser(user, roles);
    if (email !== undefined) user.email = email;
    if (input.fullName !== undefined && input.fullName !== null) user.fullName = input.fullName;
    if (role) await replaceRoles(ctx, user, [role]);
    recordUserChange(ctx, user, role ? [role.code] : roles, before);
    await ctx.em.flush();
    return user;
  }

  @Mutation(() => Boolean, {
    description:
      'Removes a staff account created minutes ago that never signed in: undoes createStaffAccount when the work profile it was for could not be saved.',
  })
  async discardStaffAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const user = await findManageableUser(ctx, id, 'delete');
    await assertStaffAccount(ctx, user);
    if (user.lastLoginAt || Date.now() - user.createdAt.getTime() > DISCARD_WINDOW_MS) {
      throw forbidden('Only a new account that never signed in can be discarded', { reason: 'NOT_DISCARDABLE' });
    }
    await ctx.em.nativeDelete(UserRole, { userId: user.id });
    const payload: UserDeletedPayload = { userId: user.id };
    recordEvent(ctx.em, { topic: USER_DELETED, tenantId: user.tenantId, aggregateId: user.id, payload });
    ctx.em.remove(user);
    await ctx.em.flush();
    return true;
  }
}
