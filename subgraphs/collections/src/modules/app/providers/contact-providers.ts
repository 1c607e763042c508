/**
 * The seams to the providers that reach a debtor: a telephony system (click-to-call), WhatsApp Business and an SMS
 * gateway (decisions.md § CCO: calling, WhatsApp and SMS go through provider adapters). Production plugs a vendor in
 * behind each; the project ships local providers (local-providers.ts) so everything runs offline. Numbers reach a
 * provider unmasked and never leave the server otherwise.
 */
export type ContactChannel = 'call' | 'whatsapp' | 'sms';

interface Outbound {
  tenantId: number;
  caseId: number;
  /** The number to reach, as stored (e.g. +63-917-111-1111). */
  to: string;
  /** Our own reference of the contact (the communication's id), for the provider's callbacks. */
  reference: string;
}

export interface CallRequest extends Outbound {
  /** Who places the call: the collector's code, for the PBX's extension mapping. */
  agent: string | null;
}

export interface CallReceipt {
  callId: string;
  /** Where the collector's softphone joins the call. */
  callUrl: string;
  status: 'connecting';
}

export interface MessageRequest extends Outbound {
  template: string;
  variables: Record<string, string>;
}

export interface MessageReceipt {
  messageId: string;
  /** The provider's delivery status when it accepted the message. */
  status: 'queued' | 'sent' | 'delivered';
}

export interface TelephonyProvider {
  readonly name: string;
  dial(request: CallRequest): Promise<CallReceipt>;
  /** Where a softphone joins a call this provider placed (a retried click-to-call answers the first call's). */
  callUrl(callId: string): string;
}

export interface MessagingProvider {
  readonly name: string;
  send(request: MessageRequest): Promise<MessageReceipt>;
}

export interface ContactProviders {
  telephony: TelephonyProvider;
  whatsapp: MessagingProvider;
  sms: MessagingProvider;
  /** What the local providers were asked to send (empty when vendors are plugged in). */
  outbox: ProviderOutbox;
}

/** One request a provider was given, as an operator inspects it. */
export interface DispatchRecord {
  id: number;
  channel: ContactChannel;
  provider: string;
  tenantId: number;
  caseId: number;
  to: string;
  reference: string;
  template: string | null;
  variables: Record<string, string>;
  providerRef: string;
  status: string;
  at: Date;
}

export interface ProviderOutbox {
  /** Newest first, at most `limit`. */
  list(filter: { tenantId?: number | null; channel?: ContactChannel | null; caseId?: number | null }, limit: number): DispatchRecord[];
}
