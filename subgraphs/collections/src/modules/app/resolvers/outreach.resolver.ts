import { badInput, can, isPlatformAdmin, parseId } from '@platform/kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { callerOf, type CollectionsContext } from '../../../collections.context';
import { canSeePersonalData, maskMobile } from '../../cases/services/personal-data.mask';
import { worksCases } from '../../work/resolvers/work.rules';
import type { ContactChannel } from '../providers/contact-providers';
import { callDebtor, sendMessage } from '../services/outreach.service';
import { MAX_VARIABLE_LENGTH, MAX_VARIABLES, ReachInput, SendMessageInput } from './outreach.inputs';
import { CallResult, ContactDispatch, MessageResult } from './outreach.types';

/** Template variables are names to short texts (what a provider's template parameters take). */
function checkVariables(variables: Record<string, unknown> | null | undefined): Record<string, string> {
  const entries = Object.entries(variables ?? {});
  const ok = entries.length <= MAX_VARIABLES && entries.every(([, v]) => typeof v === 'string' && v.length <= MAX_VARIABLE_LENGTH);
  if (!ok) throw badInput('variables', `variables must map at most ${MAX_VARIABLES} names to texts of at most ${MAX_VARIABLE_LENGTH} characters`);
  return Object.fromEntries(entries) as Record<string, string>;
}

const CHANNELS: readonly ContactChannel[] = ['call', 'whatsapp', 'sms'];

/** The collector app reaching a debtor through the providers (CCO app § 4.3–4.5); each action is a communication. */
@Resolver()
export class OutreachResolver {
  @Mutation(() => CallResult, { description: 'Places a call to the debtor or a contact of a case in reach through the telephony provider.' })
  async callDebtor(@Arg('input', () => ReachInput) input: ReachInput, @Ctx() ctx: CollectionsContext): Promise<CallResult> {
    const { receipt, communication } = await callDebtor(ctx, input);
    return { ...receipt, communication };
  }

  @Mutation(() => MessageResult, { description: 'Sends a templated WhatsApp message through the WhatsApp provider.' })
  sendWhatsApp(@Arg('input', () => SendMessageInput) input: SendMessageInput, @Ctx() ctx: CollectionsContext): Promise<MessageResult> {
    return this.send(ctx, 'whatsapp', input);
  }

  @Mutation(() => MessageResult, { description: 'Sends a templated SMS through the SMS provider.' })
  sendSms(@Arg('input', () => SendMessageInput) input: SendMessageInput, @Ctx() ctx: CollectionsContext): Promise<MessageResult> {
    return this.send(ctx, 'sms', input);
  }

  private async send(ctx: CollectionsContext, channel: 'whatsapp' | 'sms', input: SendMessageInput): Promise<MessageResult> {
    const { receipt, communication } = await sendMessage(ctx, channel, { ...input, variables: checkVariables(input.variables) });
    return { ...receipt, communication };
  }

  @Query(() => [ContactDispatch], {
    description:
      'What the local contact providers were asked to send in this process (newest first; empty with vendor providers), ' +
      'for operators: a tenant administrator sees their tenant’s.',
  })
  contactDispatches(
    @Ctx() ctx: CollectionsContext,
    @Arg('channel', () => String, { nullable: true }) channel?: string,
    @Arg('caseId', () => ID, { nullable: true }) caseId?: string,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit = 100,
  ): ContactDispatch[] {
    if (channel && !(CHANNELS as readonly string[]).includes(channel)) throw badInput('channel', `channel must be one of ${CHANNELS.join(', ')}`);
    if (limit < 1 || limit > 1000) throw badInput('limit', 'limit must be 1 to 1000');
    const caller = callerOf(ctx);
    const tenantId = isPlatformAdmin(caller) ? null : Number(caller.tenantId);
    const unmasked = canSeePersonalData(caller);
    return ctx.services.contact.outbox
      .list({ tenantId, channel: (channel as ContactChannel | undefined) ?? null, caseId: caseId ? parseId(caseId) : null }, limit)
      .map((r) => ({
        ...r,
        tenantId: String(r.tenantId),
        caseId: String(r.caseId),
        to: unmasked ? r.to : maskMobile(r.to),
        variables: JSON.stringify(r.variables),
      }));
  }
}

export const outreachRules = {
  Query: { contactDispatches: can('tenants:update') },
  Mutation: { callDebtor: worksCases, sendWhatsApp: worksCases, sendSms: worksCases },
};
