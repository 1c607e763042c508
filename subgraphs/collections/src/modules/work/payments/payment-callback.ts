import type { EntityManager } from '@mikro-orm/core';
import { Decimal, forkForTenant, type Logger, type Secret } from '@platform/kit';
import { z } from 'zod';
import { PaymentLink } from '../entities/payment-link.entity';
import { applyRepayment } from '../services/apply-repayment';
import { verifyCallback } from './callback-signature';
import { CALLBACK_HEADERS } from './payment-gateway';

export interface CallbackDeps {
  /** A platform-scope EntityManager (the callback names no tenant; its link does). */
  em: EntityManager;
  secret: Secret;
  windowSeconds: number;
  logger: Logger;
}

export interface CallbackAnswer {
  status: number;
  body: { code: number; message: string };
}

const callbackBody = z.object({
  event: z.literal('payment.succeeded'),
  link_id: z.string().min(1).max(32),
  amount: z.string().regex(/^\d{1,13}(\.\d{1,2})?$/),
  currency: z.string().length(3),
  paid_at: z.iso.datetime({ offset: true }),
  transaction_no: z.string().min(1).max(100),
});

const answer = (status: number, message: string): CallbackAnswer => ({ status, body: { code: status, message } });

/**
 * The gateway's callback: signed and fresh (else 401, nothing changes), for a known link (404) of the amount it was
 * made for (400). The payment flows exactly as a partner's repayment push (`applyRepayment`: case amounts and status,
 * the open PTP, the collector's notice and live `repaymentReceived`) under the repayment id `PL-<link>`, so a replayed
 * or repeated callback (a link paid twice) applies once; the link is then `paid`.
 */
export async function receivePaymentCallback(deps: CallbackDeps, headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<CallbackAnswer> {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  if (!verifyCallback(deps.secret.reveal(), header(CALLBACK_HEADERS.timestamp), header(CALLBACK_HEADERS.signature), rawBody, deps.windowSeconds)) {
    return answer(401, 'invalid signature or timestamp');
  }
  let parsed: z.infer<typeof callbackBody>;
  try {
    const result = callbackBody.safeParse(JSON.parse(rawBody));
    if (!result.success) return answer(400, `invalid callback: ${result.error.issues[0].path.join('.')}`);
    parsed = result.data;
  } catch {
    return answer(400, 'invalid callback: not JSON');
  }
  const link = await forkForTenant(deps.em, null).findOne(PaymentLink, { linkCode: parsed.link_id });
  if (!link) return answer(404, 'unknown payment link');
  const amount = new Decimal(parsed.amount);
  if (!amount.eq(link.amount) || parsed.currency !== link.currency) return answer(400, 'amount or currency differs from the link');
  const em = forkForTenant(deps.em, link.tenantId);
  const { repayment, duplicate } = await applyRepayment(em, {
    tenantId: link.tenantId,
    repaymentId: `PL-${link.linkCode}`,
    caseId: link.caseId,
    amount,
    date: new Date(parsed.paid_at),
    channel: 'payment_link',
    source: 'online',
    transactionNo: parsed.transaction_no,
  });
  await em.nativeUpdate(PaymentLink, { id: link.id, status: 'active' }, { status: 'paid', paidAt: repayment.repaymentDate, repaymentRowId: repayment.id });
  deps.logger.info({ linkId: link.linkCode, repaymentId: repayment.repaymentId, duplicate }, 'payment link paid');
  return answer(200, duplicate ? 'already applied' : 'success');
}
