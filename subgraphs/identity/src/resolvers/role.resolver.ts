import type { FilterQuery } from '@mikro-orm/core';
import { badInput, businessRule, Loaders, notFound, recordDomainEvent, pageWindow, toPage, type Paged, parseId, requireId, PageArgs, type PageArgsType, targetTenantId, flushOrConflict, containingText } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Menu, Role, RoleMenuGrant, UserRole } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { permissionsByRole } from '../loaders/permissions-by-role.loader';
import { grantCodes } from '../services/permission-codes';
import { assertMayUseRoleCode, assertWithinOwnPermissions } from '../services/role-grant.service';
import { tenantExists } from '../services/tenant-exists';
import { MenuGrantInput } from './menu-grant.input';
import { RolePage } from './pages';
import { RoleInput } from './role.input';
import { RolePermissions } from './role-permissions.type';
import { UpdateRoleInput } from './update-role.input';

const PageOf20 = PageArgs({ size: 20 });

async function findRole(ctx: IdentityContext, rawId: string): Promise<Role> {
  const id = parseId(rawId);
  const role = id === null ? null : await ctx.em.findOne(Role, id);
  if (!role) throw notFound('Role', rawId);
  return role;
}

async function rolePermissions(ctx: IdentityContext, role: Role): Promise<RolePermissions> {
  const grants = await ctx.em.find(RoleMenuGrant, { roleId: role.id }, { orderBy: { id: 'asc' } });
  const menus = await ctx.em.find(Menu, { id: { $in: grants.map((g) => g.menuId) } });
  const byId = new Map(menus.map((m) => [m.id, m]));
  return {
    role,
    grants: grants.flatMap((g) => (byId.has(g.menuId) ? [{ menu: byId.get(g.menuId)!, actions: g.actions }] : [])),
    permissions: await permissionsByRole(ctx).load(role.id),
  };
}

const auditedRole = (role: Role) => ({ code: role.code, name: role.name, permissions: role.directPermissions });

/** The audit trail's entry of a role change, in the mutation's transaction. */
function auditRole(ctx: IdentityContext, role: Role, action: string, before: Record<string, unknown> | null): void {
  recordDomainEvent(ctx, {
    source: 'identity',
    tenantId: role.tenantId,
    action,
    resourceType: 'role',
    resourceId: role.id,
    before,
    after: action === 'delete' ? null : auditedRole(role),
    summary: `${action === 'create' ? '新增' : action === 'delete' ? '删除' : '更新'}角色 ${role.code}`,
  });
}

@Resolver()
export class RoleResolver {
  @Query(() => RolePage)
  async roles(
    @Ctx() ctx: IdentityContext,
    @Args(() => PageOf20) page: PageArgsType,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
  ): Promise<Paged<Role>> {
    const paging = page.window();
    const where: FilterQuery<Role> & Record<string, unknown> = {};
    if (search?.trim()) {
      const text = search.trim();
      where.$or = containingText<Role>(['code', 'name'], text);
    }
    const [items, total] = await ctx.em.findAndCount(Role, where, { orderBy: { id: 'asc' }, ...pageWindow(paging) });
    return toPage(items, total, paging);
  }

  @Query(() => Role, { nullable: true, description: 'NOT_FOUND when absent or in another tenant.' })
  role(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<Role> {
    return findRole(ctx, id);
  }

  @Query(() => RolePermissions)
  async rolePermissions(@Arg('roleId', () => ID) roleId: string, @Ctx() ctx: IdentityContext): Promise<RolePermissions> {
    return rolePermissions(ctx, await findRole(ctx, roleId));
  }

  @Mutation(() => Role)
  async createRole(@Arg('input') input: RoleInput, @Ctx() ctx: IdentityContext): Promise<Role> {
    const tenantId = await targetTenantId(ctx, input.tenantId, 'tenantId', tenantExists(ctx.em));
    assertMayUseRoleCode(ctx.caller, input.code);
    assertWithinOwnPermissions(ctx.caller, input.permissions ?? [], 'grant');
    if (await ctx.em.count(Role, { tenantId, code: input.code })) throw IdentityErrors.taken('code', input.code);
    const role = ctx.em.create(Role, {
      tenantId,
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      directPermissions: [...new Set(input.permissions ?? [])],
    });
    await flushOrConflict(ctx.em, () => IdentityErrors.taken('code', input.code));
    auditRole(ctx, role, 'create', null);
    return role;
  }

  @Mutation(() => Role, { description: 'Absent fields stay unchanged.' })
  async updateRole(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateRoleInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<Role> {
    const role = await findRole(ctx, id);
    if (input.permissions) assertWithinOwnPermissions(ctx.caller, input.permissions, 'grant');
    const before = auditedRole(role);
    if (input.name) role.name = input.name;
    if (input.description !== undefined) role.description = input.description;
    if (input.permissions) role.directPermissions = [...new Set(input.permissions)];
    auditRole(ctx, role, 'update', before);
    await ctx.em.flush();
    return role;
  }

  @Mutation(() => Boolean, { description: 'BUSINESS_RULE while users hold it, and for the base roles.' })
  async deleteRole(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const role = await findRole(ctx, id);
    if (role.isSystem) throw businessRule('Base roles cannot be deleted', { reason: 'SYSTEM_ROLE' });
    if (await ctx.em.count(UserRole, { roleId: role.id })) {
      throw businessRule('Users still hold the role', { reason: 'ROLE_IN_USE' });
    }
    // Both in the mutation's one transaction.
    await ctx.em.nativeDelete(RoleMenuGrant, { roleId: role.id });
    await ctx.em.nativeDelete(Role, { id: role.id });
    auditRole(ctx, role, 'delete', auditedRole(role));
    return true;
  }

  @Mutation(() => RolePermissions, { description: 'Replaces the role’s menu grants; codes = menu.code:action.' })
  async assignPermissions(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('grants', () => [MenuGrantInput]) grants: MenuGrantInput[],
    @Ctx() ctx: IdentityContext,
  ): Promise<RolePermissions> {
    const role = await findRole(ctx, roleId);
    const menuIds = grants.map((g, i) => requireId(g.menuId, `grants.${i}.menuId`));
    const menus = await ctx.em.find(Menu, { id: { $in: menuIds }, tenantId: role.tenantId });
    const known = new Set(menus.map((m) => m.id));
    menuIds.forEach((id, i) => {
      if (!known.has(id)) throw IdentityErrors.unknownReference(`grants.${i}.menuId`, 'Menu');
      if (menuIds.indexOf(id) !== i) throw badInput(`grants.${i}.menuId`, 'each menu may appear once');
    });
    const byId = new Map(menus.map((m) => [m.id, m.code]));
    assertWithinOwnPermissions(
      ctx.caller,
      grants.flatMap((g, i) => grantCodes(byId.get(menuIds[i])!, g.actions)),
      'grant',
    );
    // Replaced within the mutation's one transaction.
    await ctx.em.nativeDelete(RoleMenuGrant, { roleId: role.id });
    grants.forEach((g, i) =>
      ctx.em.create(RoleMenuGrant, {
        tenantId: role.tenantId,
        roleId: role.id,
        menuId: menuIds[i],
        actions: [...new Set(g.actions)],
      }),
    );
    recordDomainEvent(ctx, {
      source: 'identity',
      tenantId: role.tenantId,
      action: 'assign_permissions',
      resourceType: 'role',
      resourceId: role.id,
      after: { code: role.code, grants: grants.map((g, i) => ({ menu: byId.get(menuIds[i]), actions: g.actions })) },
      summary: `分配权限 ${role.code}`,
    });
    await ctx.em.flush();
    // Loaders of this request may already hold the old grants.
    ctx.loaders = new Loaders();
    return rolePermissions(ctx, role);
  }
}
