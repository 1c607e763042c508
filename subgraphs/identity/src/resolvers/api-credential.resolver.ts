import { randomBytes } from 'node:crypto';
import { badInput, notFound, ownTenantId, parseId, assertTenantReachable } from '@platform/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiCredential, Tenant } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { tenantById } from '../loaders/tenant-by-id.loader';
import { IssuedApiCredential } from './issued-api-credential.type';

/** The tenant named by the path, reachable by the caller (platform, or that tenant's own admin). */
async function reachableTenant(ctx: IdentityContext, rawId: string): Promise<Tenant> {
  const id = parseId(rawId);
  assertTenantReachable(ctx, id, rawId);
  const tenant = await ctx.em.findOne(Tenant, id!);
  if (!tenant) throw notFound('Tenant', rawId);
  return tenant;
}

/**
 * The tenant a write names: another tenant than the caller's own is FORBIDDEN before any lookup (as updating it
 * is), so the answer tells nothing about which tenants exist.
 */
async function writableTenant(ctx: IdentityContext, rawId: string): Promise<Tenant> {
  const own = ownTenantId(ctx);
  if (own !== null && parseId(rawId) !== own) throw IdentityErrors.otherTenant();
  return reachableTenant(ctx, rawId);
}

@Resolver(() => ApiCredential)
export class ApiCredentialResolver {
  @Query(() => [ApiCredential], { description: 'The tenant’s partner API keys, newest first (secrets never).' })
  async apiCredentials(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: IdentityContext): Promise<ApiCredential[]> {
    const tenant = await reachableTenant(ctx, tenantId);
    return ctx.em.find(ApiCredential, { tenantId: tenant.id }, { orderBy: { id: 'desc' } });
  }

  @FieldResolver(() => Tenant)
  async tenant(@Root() credential: ApiCredential, @Ctx() ctx: IdentityContext): Promise<Tenant> {
    const tenant = await tenantById(ctx).load(credential.tenantId!);
    if (!tenant) throw notFound('Tenant', String(credential.tenantId));
    return tenant;
  }

  @Mutation(() => IssuedApiCredential, { description: 'A new key pair; the secret is in this answer only.' })
  async issueApiCredential(
    @Arg('tenantId', () => ID) tenantId: string,
    @Ctx() ctx: IdentityContext,
    @Arg('name', () => String, { nullable: true }) name?: string | null,
  ): Promise<IssuedApiCredential> {
    if (name && name.length > 128) throw badInput('name', 'name must be at most 128 characters');
    const tenant = await writableTenant(ctx, tenantId);
    const apiSecret = randomBytes(32).toString('base64url');
    const credential = ctx.em.create(ApiCredential, {
      tenantId: tenant.id,
      apiKey: `ak_${randomBytes(16).toString('hex')}`,
      secretCiphertext: ctx.services.cipher.encrypt(apiSecret),
      name: name ?? null,
    });
    await ctx.em.flush();
    return { credential, apiSecret };
  }

  @Mutation(() => Boolean, { description: 'The key stops working at once; it stays listed as revoked.' })
  async revokeApiCredential(
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<boolean> {
    const tenant = await writableTenant(ctx, tenantId);
    const credentialId = parseId(id);
    const credential =
      credentialId === null ? null : await ctx.em.findOne(ApiCredential, { id: credentialId, tenantId: tenant.id });
    if (!credential) throw notFound('ApiCredential', id);
    if (!credential.revokedAt) {
      credential.isActive = false;
      credential.revokedAt = new Date();
      await ctx.em.flush();
    }
    return true;
  }
}
