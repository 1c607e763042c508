import { randomBytes } from 'node:crypto';
import { badInput, type Decimal, recordDomainEvent } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { tenantSettings } from '../../config/services/settings';
import { PaymentLink } from '../entities/payment-link.entity';
import { caseInReach } from '../services/case-reach';
import { callerProfile } from '../services/staff';

/** How long a link may stay payable (collector app § 6.2 `expire_hours`; default 24). */
export const LINK_HOURS = { default: 24, min: 1, max: 168 } as const;

const newLinkCode = () => randomBytes(12).toString('base64url');

/**
 * A payment link for a case in reach: the gateway makes the payable page, the platform keeps the link (its id, amount,
 * expiry). The amount is above 0 and at most the outstanding amount. Paid through the gateway's callback (settle).
 */
export async function createPaymentLink(ctx: CollectionsContext, caseId: string, amount: Decimal, expireHours: number = LINK_HOURS.default): Promise<PaymentLink> {
  const found = await caseInReach(ctx, caseId, 'write');
  if (!amount.isFinite() || amount.lte(0) || amount.decimalPlaces() > 2) throw badInput('amount', 'amount must be above 0 with at most 2 decimals');
  if (amount.gt(found.outstandingAmount)) throw badInput('amount', `amount must not exceed the outstanding amount ${found.outstandingAmount.toFixed(2)}`);
  if (!Number.isInteger(expireHours) || expireHours < LINK_HOURS.min || expireHours > LINK_HOURS.max) {
    throw badInput('expireHours', `expireHours must be a whole number from ${LINK_HOURS.min} to ${LINK_HOURS.max}`);
  }
  const { currency_code: currency } = await tenantSettings(ctx.em, found.tenantId);
  const linkCode = newLinkCode();
  const expiresAt = new Date(Date.now() + expireHours * 3_600_000);
  const gateway = ctx.services.payments.gateway;
  const issued = await gateway.createLink({ linkCode, amount: amount.toFixed(2), currency, expiresAt, description: `案件 ${found.caseCode} 还款` });
  const profile = await callerProfile(ctx);
  const link = ctx.em.create(PaymentLink, {
    tenantId: found.tenantId,
    linkCode,
    caseId: found.id,
    collectorId: profile?.id ?? found.collectorId ?? null,
    agencyId: found.agencyId ?? null,
    teamId: found.teamId ?? null,
    amount,
    currency,
    expiresAt,
    provider: gateway.name,
    providerRef: issued.providerRef,
    paymentUrl: issued.paymentUrl,
    qrCodeUrl: issued.qrCodeUrl,
  });
  await ctx.em.flush();
  recordDomainEvent(ctx, {
    source: 'collections',
    topic: 'payment_link.created',
    payload: { linkId: linkCode, caseId: found.id, caseCode: found.caseCode, amount: amount.toFixed(2), expiresAt: expiresAt.toISOString() },
    tenantId: found.tenantId,
    action: 'create',
    resourceType: 'payment_link',
    resourceId: link.id,
    after: { caseCode: found.caseCode, amount: amount.toFixed(2), expiresAt: expiresAt.toISOString() },
    summary: `还款链接 ${amount.toFixed(2)} ${currency}（案件 ${found.caseCode}）`,
  });
  await ctx.em.flush();
  return link;
}

/** `expired` for an active link past its expiry; else what is stored (active, paid). */
export const linkStatus = (link: PaymentLink, now = new Date()): string => (link.status === 'active' && link.expiresAt < now ? 'expired' : link.status);
