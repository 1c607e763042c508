import { loadCollectionsConfig } from '@platform/collections';
import { makeCase } from './support/case-fixtures';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';

describe('choosing the contact providers', () => {
  it('local by default; an unknown provider name stops the service at start, naming the setting', () => {
    const config = loadCollectionsConfig({});
    expect([config.TELEPHONY_PROVIDER, config.WHATSAPP_PROVIDER, config.SMS_PROVIDER]).toEqual(['local', 'local', 'local']);
    for (const name of ['TELEPHONY_PROVIDER', 'WHATSAPP_PROVIDER', 'SMS_PROVIDER']) {
      expect(() => loadCollectionsConfig({ [name]: 'acme' })).toThrow(name);
    }
  });
});

describe('the local providers through GraphQL', () => {
  let client: CollectionsClient;
  let org: OrgFixture;
  beforeAll(async () => {
    client = await CollectionsClient.start({ TELEPHONY_SIP_DOMAIN: 'pbx.example.test' });
    org = await client.seedOrg();
  });
  afterAll(() => client.close());

  const CALL = 'mutation($i: ReachInput!) { callDebtor(input: $i) { callId callUrl status communication { id contactMethod contactResult providerRef contactPhone } } }';
  const SMS = 'mutation($i: SendMessageInput!) { sendSms(input: $i) { messageId status communication { id contactMethod providerRef communicationContent } } }';
  const WA = 'mutation($i: SendMessageInput!) { sendWhatsApp(input: $i) { messageId status communication { id contactMethod providerRef } } }';
  const OUTBOX = 'query($c: ID, $ch: String) { contactDispatches(caseId: $c, channel: $ch) { channel provider tenantId caseId to template variables providerRef status reference } }';

  it('call, WhatsApp and SMS each go through their provider, answer as a provider does and are recorded (number masked for the collector)', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1 });
    const caseId = String(c.id);
    const call = (await client.ok<{ callDebtor: { callId: string; callUrl: string; status: string; communication: Record<string, unknown> } }>(org.callers.c1, CALL, { i: { caseId } })).callDebtor;
    expect(call).toEqual({
      callId: expect.stringMatching(/^CALL_[0-9A-F]{20}$/),
      callUrl: `sip:${call.callId.toLowerCase()}@pbx.example.test`,
      status: 'connecting',
      communication: { id: expect.any(String), contactMethod: 'phone', contactResult: 'connecting', providerRef: call.callId, contactPhone: '+63-917-***-**11' },
    });
    const variables = { customer_name: '陈大明' };
    const sms = (await client.ok<{ sendSms: { messageId: string; communication: { id: string } } }>(org.callers.c1, SMS, { i: { caseId, messageTemplate: 'REMIND_PAYMENT', variables } })).sendSms;
    expect(sms).toMatchObject({ messageId: expect.stringMatching(/^SMS_/), status: 'sent', communication: { contactMethod: 'sms', providerRef: sms.messageId, communicationContent: '[REMIND_PAYMENT] {"customer_name":"陈大明"}' } });
    const wa = (await client.ok<{ sendWhatsApp: { messageId: string; communication: { id: string } } }>(org.callers.c1, WA, { i: { caseId, messageTemplate: 'REMIND_PAYMENT', variables } })).sendWhatsApp;
    expect(wa).toMatchObject({ messageId: expect.stringMatching(/^WA_/), status: 'sent', communication: { contactMethod: 'whatsapp', providerRef: wa.messageId } });

    // The operator's view: what each provider was asked, newest first, the full number for an admin.
    const sent = (await client.ok<{ contactDispatches: unknown[] }>(org.callers.tenantAdmin, OUTBOX, { c: caseId })).contactDispatches;
    const common = { provider: 'local', tenantId: '1', caseId, to: '+63-917-111-1111' };
    expect(sent).toEqual([
      { ...common, channel: 'whatsapp', template: 'REMIND_PAYMENT', variables: JSON.stringify(variables), providerRef: wa.messageId, status: 'sent', reference: wa.communication.id },
      { ...common, channel: 'sms', template: 'REMIND_PAYMENT', variables: JSON.stringify(variables), providerRef: sms.messageId, status: 'sent', reference: sms.communication.id },
      { ...common, channel: 'call', template: null, variables: '{}', providerRef: call.callId, status: 'connecting', reference: call.communication.id },
    ]);
    expect((await client.ok<{ contactDispatches: unknown[] }>(org.callers.tenantAdmin, OUTBOX, { c: caseId, ch: 'sms' })).contactDispatches).toHaveLength(1);
    // Another tenant's admin sees none of it; a collector may not read the outbox at all.
    expect((await client.ok<{ contactDispatches: unknown[] }>(org.callers.otherTenantAdmin, OUTBOX, { c: caseId })).contactDispatches).toEqual([]);
    expect(codeOf(await client.run(org.callers.c1, OUTBOX, { c: caseId }))).toBe('FORBIDDEN');
  });

  it('variables that are not names to texts are BAD_USER_INPUT naming them; nothing is sent', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1 });
    const bad = await client.run(org.callers.c1, SMS, { i: { caseId: String(c.id), messageTemplate: 'REMIND_PAYMENT', variables: { amount: 4700 } } });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'variables']);
    expect(client.runtime.services.contact.outbox.list({ caseId: c.id }, 10)).toEqual([]);
  });
});
