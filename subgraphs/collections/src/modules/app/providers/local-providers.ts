import { randomUUID } from 'node:crypto';
import type { Logger } from '@platform/kit';
import { maskMobile } from '../../cases/services/personal-data.mask';
import type {
  CallReceipt,
  CallRequest,
  ContactChannel,
  ContactProviders,
  DispatchRecord,
  MessageReceipt,
  MessageRequest,
  MessagingProvider,
  ProviderOutbox,
  TelephonyProvider,
} from './contact-providers';

/** How many dispatches a process keeps for inspection: the newest, so a long-running dev server stays bounded. */
const KEPT = 1000;

/**
 * What the local providers "sent", in this process's memory (newest last), readable by tests and by an operator
 * (GraphQL `contactDispatches`); each dispatch is also logged, with the number masked.
 */
export class LocalOutbox implements ProviderOutbox {
  private readonly records: DispatchRecord[] = [];
  private nextId = 1;

  constructor(private readonly logger: Logger) {}

  record(entry: Omit<DispatchRecord, 'id' | 'at'>): DispatchRecord {
    const record = { ...entry, id: this.nextId++, at: new Date() };
    this.records.push(record);
    if (this.records.length > KEPT) this.records.shift();
    this.logger.info(
      { channel: record.channel, provider: record.provider, tenantId: record.tenantId, caseId: record.caseId, to: maskMobile(record.to), providerRef: record.providerRef, template: record.template },
      'local contact provider: would send',
    );
    return record;
  }

  list(filter: { tenantId?: number | null; channel?: ContactChannel | null; caseId?: number | null }, limit: number): DispatchRecord[] {
    return this.records
      .filter((r) => (filter.tenantId == null || r.tenantId === filter.tenantId) && (filter.channel == null || r.channel === filter.channel) && (filter.caseId == null || r.caseId === filter.caseId))
      .slice(-limit)
      .reverse();
  }
}

/** A PBX that accepts every call: answers a call id and the SIP address the collector's softphone joins. */
export class LocalTelephony implements TelephonyProvider {
  readonly name = 'local';

  constructor(private readonly outbox: LocalOutbox, private readonly sipDomain: string) {}

  dial(request: CallRequest): Promise<CallReceipt> {
    const callId = `CALL_${randomUUID().replace(/-/g, '').slice(0, 20).toUpperCase()}`;
    this.outbox.record({ channel: 'call', provider: this.name, ...request, template: null, variables: {}, providerRef: callId, status: 'connecting' });
    return Promise.resolve({ callId, callUrl: this.callUrl(callId), status: 'connecting' });
  }

  callUrl(callId: string): string {
    return `sip:${callId.toLowerCase()}@${this.sipDomain}`;
  }
}

/** A message gateway (WhatsApp Business or SMS) that accepts every templated message and reports it sent. */
export class LocalMessaging implements MessagingProvider {
  readonly name = 'local';

  constructor(private readonly outbox: LocalOutbox, private readonly channel: Exclude<ContactChannel, 'call'>) {}

  send(request: MessageRequest): Promise<MessageReceipt> {
    const messageId = `${this.channel === 'sms' ? 'SMS' : 'WA'}_${randomUUID().replace(/-/g, '').slice(0, 20).toUpperCase()}`;
    this.outbox.record({ channel: this.channel, provider: this.name, ...request, providerRef: messageId, status: 'sent' });
    return Promise.resolve({ messageId, status: 'sent' });
  }
}

export function localContactProviders(logger: Logger, sipDomain: string): ContactProviders {
  const outbox = new LocalOutbox(logger);
  return { telephony: new LocalTelephony(outbox, sipDomain), whatsapp: new LocalMessaging(outbox, 'whatsapp'), sms: new LocalMessaging(outbox, 'sms'), outbox };
}
