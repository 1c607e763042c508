import { businessRule, hasPermission, isPlatformAdmin, notFound, parseId, requireId, targetTenantId, flushOrConflict } from '@platform/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Menu, RoleMenuGrant } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { menusByParent } from '../loaders/menus-by-parent.loader';
import { tenantExists } from '../services/tenant-exists';
import { MenuInput } from './menu.input';
import { UpdateMenuInput } from './update-menu.input';

const MENU_ORDER = { sortOrder: 'asc', id: 'asc' } as const;

async function findMenu(ctx: IdentityContext, rawId: string): Promise<Menu> {
  const id = parseId(rawId);
  const menu = id === null ? null : await ctx.em.findOne(Menu, id);
  if (!menu) throw notFound('Menu', rawId);
  return menu;
}

async function parentOf(ctx: IdentityContext, tenantId: number | null, raw: string | null | undefined, field: string) {
  if (raw === null || raw === undefined) return null;
  const parent = await ctx.em.findOne(Menu, { id: requireId(raw, field), tenantId });
  if (!parent) throw IdentityErrors.unknownReference(field, 'Menu');
  return parent;
}

@Resolver(() => Menu)
export class MenuResolver {
  @Query(() => [Menu], { description: 'Every menu of the tenant, flat, by sortOrder.' })
  menus(@Ctx() ctx: IdentityContext): Promise<Menu[]> {
    return ctx.em.find(Menu, {}, { orderBy: MENU_ORDER });
  }

  @Query(() => [Menu], { description: 'Visible menus whose permission the caller holds (flat; tree by parentId).' })
  async myMenus(@Ctx() ctx: IdentityContext): Promise<Menu[]> {
    const menus = await ctx.em.find(Menu, { isVisible: true }, { orderBy: MENU_ORDER });
    const shown = menus.filter((m) => !m.permission || hasPermission(ctx.caller, m.permission));
    if (!isPlatformAdmin(ctx.caller)) return shown;
    // The platform sees every tenant's copy of the same menus; one of each is its menu.
    const seen = new Set<string>();
    return shown.filter((m) => !seen.has(m.code) && !!seen.add(m.code));
  }

  @FieldResolver(() => [Menu])
  children(@Root() menu: Menu, @Ctx() ctx: IdentityContext): Promise<Menu[]> {
    return menusByParent(ctx).load(menu.id);
  }

  @Mutation(() => Menu)
  async createMenu(@Arg('input') input: MenuInput, @Ctx() ctx: IdentityContext): Promise<Menu> {
    const tenantId = await targetTenantId(ctx, input.tenantId, 'tenantId', tenantExists(ctx.em));
    const parent = await parentOf(ctx, tenantId, input.parentId, 'parentId');
    if (await ctx.em.count(Menu, { tenantId, code: input.code })) throw IdentityErrors.taken('code', input.code);
    const menu = ctx.em.create(Menu, {
      tenantId,
      name: input.name,
      code: input.code,
      path: input.path ?? null,
      icon: input.icon ?? null,
      parentId: parent?.id ?? null,
      sortOrder: input.sortOrder ?? 0,
      permission: input.permission ?? null,
      isVisible: input.isVisible ?? true,
    });
    await flushOrConflict(ctx.em, () => IdentityErrors.taken('code', input.code));
    return menu;
  }

  @Mutation(() => Menu, { description: 'Absent fields stay unchanged.' })
  async updateMenu(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateMenuInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<Menu> {
    const menu = await findMenu(ctx, id);
    if (input.parentId !== undefined) {
      const parent = await parentOf(ctx, menu.tenantId, input.parentId, 'parentId');
      if (parent && (await isWithin(ctx, parent, menu.id))) {
        throw businessRule('A menu cannot move under itself or one of its descendants', { reason: 'MENU_CYCLE' });
      }
      menu.parentId = parent?.id ?? null;
    }
    if (input.name) menu.name = input.name;
    if (input.path !== undefined) menu.path = input.path;
    if (input.icon !== undefined) menu.icon = input.icon;
    if (input.sortOrder !== undefined && input.sortOrder !== null) menu.sortOrder = input.sortOrder;
    if (input.permission !== undefined) menu.permission = input.permission;
    if (input.isVisible !== undefined && input.isVisible !== null) menu.isVisible = input.isVisible;
    await ctx.em.flush();
    return menu;
  }

  @Mutation(() => Boolean, { description: 'BUSINESS_RULE while it has sub-menus; its grants go with it.' })
  async deleteMenu(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const menu = await findMenu(ctx, id);
    if (await ctx.em.count(Menu, { parentId: menu.id })) {
      throw businessRule('The menu still has sub-menus', { reason: 'MENU_HAS_CHILDREN' });
    }
    // Both in the mutation's one transaction.
    await ctx.em.nativeDelete(RoleMenuGrant, { menuId: menu.id });
    await ctx.em.nativeDelete(Menu, { id: menu.id });
    return true;
  }
}

/** Whether `menu` is `ancestorId` or lies below it. */
async function isWithin(ctx: IdentityContext, menu: Menu, ancestorId: number): Promise<boolean> {
  let current: Menu | null = menu;
  for (let depth = 0; current && depth < 64; depth++) {
    if (current.id === ancestorId) return true;
    current = current.parentId === null ? null : await ctx.em.findOne(Menu, current.parentId);
  }
  return false;
}
