import { badInput, can, notFound, pageWindow, parseId, toPage, type PageArgsType } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { canSeePersonalData, maskMobile } from '../../cases/services/personal-data.mask';
import { tenantZone } from '../../config/services/tenant-day';
import { readTenant, writeTenant } from '../../config/services/tenant-target';
import { DELIVERY_STATUSES, IntegrationDelivery, type DeliveryStatus } from '../entities/integration-delivery.entity';
import type { TenantIntegration } from '../entities/tenant-integration.entity';
import { integrationOf, setIntegration } from '../services/tenant-integration.service';
import {
  DeliveriesPageArgs,
  IntegrationDeliveries,
  IntegrationDeliveryType,
  TenantIntegrationInput,
  TenantIntegrationType,
} from './integration.types';

async function toGraph(ctx: CollectionsContext, row: TenantIntegration): Promise<TenantIntegrationType> {
  const hmac = row.authKind === 'hmac';
  return {
    tenantId: String(row.tenantId),
    coreBaseUrl: row.coreBaseUrl,
    ipWhitelist: row.ipWhitelist,
    outboundAuth: {
      type: row.authKind,
      apiKey: hmac ? row.authId : null,
      clientId: hmac ? null : row.authId,
      tokenUrl: row.tokenUrl ?? null,
      scope: row.scope ?? null,
    },
    updatedAt: row.updatedAt,
    zone: await tenantZone(ctx.em, row.tenantId),
  };
}

/** A write-back's body as an admin sees it: the contact phone of a communication masked without cases:view_sensitive. */
const shownBody = (body: Record<string, unknown>, sensitive: boolean): Record<string, unknown> =>
  sensitive || typeof body.contact_phone !== 'string' ? body : { ...body, contact_phone: maskMobile(body.contact_phone) };

const deliveryToGraph = (d: IntegrationDelivery, sensitive: boolean): IntegrationDeliveryType => ({
  id: String(d.id),
  caseId: String(d.caseId),
  caseCode: d.caseCode,
  kind: d.kind,
  targetPath: d.targetPath,
  body: shownBody(d.body, sensitive),
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  lastError: d.lastError ?? null,
  deliveredAt: d.deliveredAt ?? null,
  createdAt: d.createdAt,
});

/**
 * A tenant's core-system integration (decisions.md § CCO): the super admin or that tenant's admins set it and watch
 * its write-backs. Another tenant's: a write is FORBIDDEN, a read NOT_FOUND (tenant-target.ts).
 */
@Resolver()
export class IntegrationResolver {
  @Query(() => TenantIntegrationType, { nullable: true, description: 'The tenant’s integration; null when it has none.' })
  async tenantIntegration(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: CollectionsContext): Promise<TenantIntegrationType | null> {
    const id = readTenant(ctx, tenantId)!;
    const row = await integrationOf(ctx.em, id);
    return row && toGraph(ctx, row);
  }

  @Mutation(() => TenantIntegrationType, { description: 'Sets the tenant’s integration (replacing it); a bad field is BAD_USER_INPUT naming it and changes nothing.' })
  async setTenantIntegration(
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('input', () => TenantIntegrationInput) input: TenantIntegrationInput,
    @Ctx() ctx: CollectionsContext,
  ): Promise<TenantIntegrationType> {
    const id = writeTenant(ctx, tenantId);
    return toGraph(ctx, await setIntegration(ctx.em, ctx.services.cipher, id, input));
  }

  @Query(() => IntegrationDeliveries, { description: 'The tenant’s write-backs to its core system, newest first, optionally of one status.' })
  async integrationDeliveries(
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('status', () => String, { nullable: true }) status: string | null | undefined,
    @Args(() => DeliveriesPageArgs) page: PageArgsType,
    @Ctx() ctx: CollectionsContext,
  ): Promise<IntegrationDeliveries> {
    const id = readTenant(ctx, tenantId);
    if (id === null) throw CollectionsErrors.noTenant();
    if (status != null && !(DELIVERY_STATUSES as readonly string[]).includes(status)) {
      throw badInput('status', `status must be one of ${DELIVERY_STATUSES.join(', ')}`);
    }
    const window = page.window();
    const where = { tenantId: id, ...(status ? { status: status as DeliveryStatus } : {}) };
    const [rows, total] = await ctx.em.findAndCount(IntegrationDelivery, where, { orderBy: { id: 'desc' }, ...pageWindow(window) });
    const sensitive = canSeePersonalData(ctx.caller);
    return { ...toPage(rows.map((d) => deliveryToGraph(d, sensitive)), total, window), zone: await tenantZone(ctx.em, id) };
  }

  @Mutation(() => IntegrationDeliveryType, {
    description:
      'Sends a failed write-back again: pending from now, its attempts counted afresh. It keeps its place in its case’s order, so the case’s later pending deliveries wait for it. Only a failed one can be retried (BAD_USER_INPUT otherwise).',
  })
  async retryIntegrationDelivery(
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: CollectionsContext,
  ): Promise<IntegrationDeliveryType> {
    const tenant = writeTenant(ctx, tenantId);
    const deliveryId = parseId(id);
    if (deliveryId === null) throw notFound('IntegrationDelivery', id);
    // Conditional: of two retries (or a retry racing anything else), one moves it; a failed row is never claimed.
    const moved = await ctx.em.nativeUpdate(
      IntegrationDelivery,
      { id: deliveryId, tenantId: tenant, status: 'failed' },
      { status: 'pending', attempts: 0, nextAttemptAt: new Date(), claimedUntil: null, claimToken: null },
    );
    const row = await ctx.em.findOne(IntegrationDelivery, { id: deliveryId, tenantId: tenant }, { refresh: true });
    if (!row) throw notFound('IntegrationDelivery', id);
    if (moved === 0) throw badInput('id', `delivery ${id} is ${row.status}: only a failed delivery can be retried`);
    return deliveryToGraph(row, canSeePersonalData(ctx.caller));
  }
}

export const integrationRules = {
  Query: { tenantIntegration: can('tenants:update'), integrationDeliveries: can('tenants:update') },
  Mutation: { setTenantIntegration: can('tenants:update'), retryIntegrationDelivery: can('tenants:update') },
  TenantIntegration: can('tenants:update'),
  OutboundAuth: can('tenants:update'),
  IntegrationDeliveries: can('tenants:update'),
  IntegrationDelivery: can('tenants:update'),
};
