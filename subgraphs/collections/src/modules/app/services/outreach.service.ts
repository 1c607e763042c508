import type { CollectionsContext } from '../../../collections.context';
import { Collector } from '../../org/entities/collector.entity';
import type { Communication } from '../../work/entities/communication.entity';
import { recordCommunication, type RecordedCommunication } from '../../work/services/communication.service';
import type { CallReceipt, MessageReceipt } from '../providers/contact-providers';
import { appCase } from './app-case.service';
import { contactTarget } from './contact-number';

interface Reach {
  caseId: string;
  contactId?: string | null;
  phoneNumber?: string | null;
  contactPerson?: string | null;
  clientId?: string | null;
}

export interface MessageInput extends Reach {
  messageTemplate: string;
  variables?: Record<string, string> | null;
}

export interface CallOutcome {
  receipt: CallReceipt;
  communication: Communication;
}

export interface MessageOutcome {
  receipt: MessageReceipt;
  communication: Communication;
}

const agentOf = async (ctx: CollectionsContext, collectorId: number | null | undefined) =>
  collectorId ? ((await ctx.em.findOne(Collector, { id: collectorId }))?.collectorCode ?? null) : null;

/** Resolves the number, then records the contact; the provider is asked only for a new record (not a retried one). */
async function reach(
  ctx: CollectionsContext,
  input: Reach,
  method: 'phone' | 'whatsapp' | 'sms',
  content: string | null,
  send: (to: string, communication: Communication) => Promise<{ ref: string; status: string }>,
): Promise<RecordedCommunication> {
  const found = await appCase(ctx, input.caseId);
  const target = await contactTarget(ctx, found, input);
  return recordCommunication(
    ctx,
    {
      caseId: input.caseId,
      contactMethod: method,
      contactPhone: target.phone,
      contactResult: 'sending',
      contactPerson: input.contactPerson ?? target.person ?? undefined,
      communicationContent: content ?? undefined,
      clientId: input.clientId ?? undefined,
    },
    async (communication) => {
      const sent = await send(target.phone, communication);
      communication.providerRef = sent.ref;
      communication.contactResult = sent.status;
    },
  );
}

/** § 4.3: a click-to-call through the telephony provider, recorded as a phone communication (result `connecting`). */
export async function callDebtor(ctx: CollectionsContext, input: Reach): Promise<CallOutcome> {
  let receipt: CallReceipt | undefined;
  const { communication } = await reach(ctx, input, 'phone', null, async (to, c) => {
    receipt = await ctx.services.contact.telephony.dial({ tenantId: c.tenantId, caseId: c.caseId, to, reference: String(c.id), agent: await agentOf(ctx, c.collectorId) });
    return { ref: receipt.callId, status: receipt.status };
  });
  // A retried call answers the first call's receipt, from its record.
  const callId = communication.providerRef ?? '';
  return { communication, receipt: receipt ?? { callId, callUrl: ctx.services.contact.telephony.callUrl(callId), status: 'connecting' } };
}

/** § 4.4 / § 4.5: a templated message through the WhatsApp or SMS provider, recorded with the provider's message id. */
export async function sendMessage(ctx: CollectionsContext, channel: 'whatsapp' | 'sms', input: MessageInput): Promise<MessageOutcome> {
  let receipt: MessageReceipt | undefined;
  const variables = input.variables ?? {};
  const content = `[${input.messageTemplate}] ${JSON.stringify(variables)}`;
  const { communication } = await reach(ctx, input, channel, content, async (to, c) => {
    receipt = await ctx.services.contact[channel].send({ tenantId: c.tenantId, caseId: c.caseId, to, reference: String(c.id), template: input.messageTemplate, variables });
    return { ref: receipt.messageId, status: receipt.status };
  });
  return { communication, receipt: receipt ?? { messageId: communication.providerRef ?? '', status: communication.contactResult as MessageReceipt['status'] } };
}
