import { badInput, notFound, pageWindow, recordDomainEvent, toPage, type Paged, parseId, PageArgs, type PageArgsType, ownTenantId, flushOrConflict } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Tenant } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { revokeSessionsOf } from '../services/session.service';
import { announceTenant, provisionTenant } from '../services/tenant-provisioning';
import { isValidZone, zoneFor } from '../services/tenant-zone';
import { TenantPage } from './pages';
import { TenantInput } from './tenant.input';
import { UpdateTenantInput } from './update-tenant.input';

const PageOf10 = PageArgs({ size: 10 });

/** A tenant the caller may see: any for the platform, only their own for a tenant's admin (else NOT_FOUND). */
async function findTenant(ctx: IdentityContext, rawId: string): Promise<Tenant> {
  const id = parseId(rawId);
  const own = ownTenantId(ctx);
  const tenant = id === null || (own !== null && own !== id) ? null : await ctx.em.findOne(Tenant, id);
  if (!tenant) throw notFound('Tenant', rawId);
  return tenant;
}

function checkZone(zone: string | null | undefined, field: string): void {
  if (zone && !isValidZone(zone)) throw badInput(field, `${field} must be an IANA time zone such as Asia/Manila`);
}

const auditedTenant = (t: Tenant) => ({ code: t.code, name: t.name, zone: t.zone, isActive: t.isActive });

/** The audit trail's entry of a tenant change, in the mutation's transaction. */
function auditTenant(ctx: IdentityContext, tenant: Tenant, action: string, before: Record<string, unknown> | null, summary: string): void {
  recordDomainEvent(ctx, {
    source: 'identity',
    tenantId: tenant.id,
    action,
    resourceType: 'tenant',
    resourceId: tenant.id,
    before,
    after: action === 'delete' ? null : auditedTenant(tenant),
    summary,
  });
}

@Resolver()
export class TenantResolver {
  @Query(() => TenantPage, { description: 'The platform sees every tenant; a tenant’s admin only their own.' })
  async tenants(
    @Ctx() ctx: IdentityContext,
    @Args(() => PageOf10) page: PageArgsType,
    @Arg('isActive', () => Boolean, { nullable: true }) isActive?: boolean | null,
  ): Promise<Paged<Tenant>> {
    const paging = page.window();
    const own = ownTenantId(ctx);
    const where = {
      ...(own === null ? {} : { id: own }),
      ...(isActive === null || isActive === undefined ? {} : { isActive }),
    };
    const [items, total] = await ctx.em.findAndCount(Tenant, where, { orderBy: { id: 'asc' }, ...pageWindow(paging) });
    return toPage(items, total, paging);
  }

  @Query(() => Tenant, { nullable: true, description: 'NOT_FOUND when absent or not the caller’s.' })
  tenant(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<Tenant> {
    return findTenant(ctx, id);
  }

  @Mutation(() => Tenant, { description: 'Also gives the tenant the base roles and 004 menus.' })
  async createTenant(@Arg('input') input: TenantInput, @Ctx() ctx: IdentityContext): Promise<Tenant> {
    checkZone(input.zone, 'zone');
    // Codes of deleted tenants stay taken: other subgraphs' rows and partner configurations name them.
    if (await ctx.em.count(Tenant, { code: input.code }, { filters: false })) throw IdentityErrors.taken('code', input.code);
    const tenant = ctx.em.create(Tenant, {
      code: input.code,
      name: input.name,
      nameEn: input.nameEn ?? null,
      countryCode: input.countryCode ?? null,
      timezone: input.timezone ?? null,
      zone: zoneFor(input),
      currencyCode: input.currencyCode ?? null,
      isActive: input.isActive ?? true,
      allowRegistration: input.allowRegistration ?? true,
      passwordMinLength: input.passwordMinLength ?? null,
    });
    await flushOrConflict(ctx.em, () => IdentityErrors.taken('code', input.code));
    await provisionTenant(ctx.em, tenant);
    auditTenant(ctx, tenant, 'create', null, `新增租户 ${tenant.code}`);
    return tenant;
  }

  @Mutation(() => Tenant, { description: 'Absent fields stay unchanged.' })
  async updateTenant(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateTenantInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<Tenant> {
    checkZone(input.zone, 'zone');
    const tenant = await findTenant(ctx, id);
    const before = auditedTenant(tenant);
    if (input.name) tenant.name = input.name;
    if (input.nameEn !== undefined) tenant.nameEn = input.nameEn;
    if (input.countryCode !== undefined) tenant.countryCode = input.countryCode;
    if (input.timezone !== undefined) tenant.timezone = input.timezone;
    if (input.currencyCode !== undefined) tenant.currencyCode = input.currencyCode;
    if (input.isActive !== undefined && input.isActive !== null) tenant.isActive = input.isActive;
    if (input.allowRegistration !== undefined && input.allowRegistration !== null) {
      tenant.allowRegistration = input.allowRegistration;
    }
    if (input.passwordMinLength !== undefined) tenant.passwordMinLength = input.passwordMinLength;
    if (input.zone || input.countryCode !== undefined || input.timezone !== undefined) {
      tenant.zone = zoneFor({ zone: input.zone, countryCode: tenant.countryCode, timezone: tenant.timezone });
    }
    announceTenant(ctx.em, tenant);
    auditTenant(ctx, tenant, 'update', before, `更新租户 ${tenant.code}`);
    await ctx.em.flush();
    if (!tenant.isActive) await revokeSessionsOf(ctx.em, ctx.services, { tenantId: tenant.id }, 'TENANT_INACTIVE');
    return tenant;
  }

  @Mutation(() => Boolean, { description: 'Soft delete (isActive false + deletedAt); its users are signed out.' })
  async deleteTenant(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const tenant = await findTenant(ctx, id);
    const before = auditedTenant(tenant);
    tenant.isActive = false;
    tenant.deletedAt = new Date();
    auditTenant(ctx, tenant, 'delete', before, `删除租户 ${tenant.code}`);
    await ctx.em.flush();
    await revokeSessionsOf(ctx.em, ctx.services, { tenantId: tenant.id }, 'TENANT_DELETED');
    return true;
  }
}
