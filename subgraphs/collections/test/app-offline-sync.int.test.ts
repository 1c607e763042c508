import { OutboxEvent } from '@platform/kit';
import { Communication } from '@platform/collections';
import { makeCase } from './support/case-fixtures';
import { CollectionsClient, type OrgFixture } from './support/harness';

// On MariaDB (a real unique index, real row locks): the app's offline queue replays one communication, one SMS and one
// call several times at once after reconnecting; each is stored (and sent) once, and every replay answers that record.
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start({}, {}, 'mariadb');
  org = await client.seedOrg();
}, 60_000);
afterAll(() => client?.close());

const RECORD = 'mutation($i: RecordCommunicationInput!) { recordCommunication(input: $i) { id } }';
const SMS = 'mutation($i: SendMessageInput!) { sendSms(input: $i) { messageId communication { id } } }';
const CALL = 'mutation($i: ReachInput!) { callDebtor(input: $i) { callId communication { id } } }';

const recorded = async (caseId: number) => {
  const rows = await client.em().find(Communication, { caseId });
  const events = await client.runtime.orm.em.fork().find(OutboxEvent, { topic: 'communication.recorded' });
  return { rows: rows.length, events: events.filter((e) => (e.payload as { caseId: number }).caseId === caseId).length };
};

it('3 concurrent records with one client id: one row, one write-back, the same answer to all', async () => {
  const c = await makeCase(client, { collector: org.collectors.c1 });
  const input = { i: { caseId: String(c.id), contactMethod: 'visit', contactResult: '未接通', clientId: 'OFFLINE-1' } };
  const results = await Promise.all(Array.from({ length: 3 }, () => client.run(org.callers.c1, RECORD, input)));
  expect(results.filter((r) => r.errors)).toEqual([]);
  expect(new Set(results.map((r) => (r.data as { recordCommunication: { id: string } }).recordCommunication.id)).size).toBe(1);
  expect(await recorded(c.id)).toEqual({ rows: 1, events: 1 });
}, 60_000);

it('the same client id of two collectors is two records: one collector’s id never answers another’s', async () => {
  const c = await makeCase(client, { collector: org.collectors.c1 });
  const input = { i: { caseId: String(c.id), contactMethod: 'phone', contactResult: '接通', clientId: 'SHARED-1' } };
  const mine = await client.ok<{ recordCommunication: { id: string } }>(org.callers.c1, RECORD, input);
  const leaders = await client.ok<{ recordCommunication: { id: string } }>(org.callers.teamLeader, RECORD, input);
  expect(leaders.recordCommunication.id).not.toBe(mine.recordCommunication.id);
  expect((await recorded(c.id)).rows).toBe(2);
}, 60_000);

it('3 concurrent SMS and 3 concurrent calls with one client id each: each sent once through its provider', async () => {
  const c = await makeCase(client, { collector: org.collectors.c2 });
  const sms = await Promise.all(Array.from({ length: 3 }, () => client.run(org.callers.c2, SMS, { i: { caseId: String(c.id), messageTemplate: 'REMIND_PAYMENT', clientId: 'OFFLINE-SMS' } })));
  const calls = await Promise.all(Array.from({ length: 3 }, () => client.run(org.callers.c2, CALL, { i: { caseId: String(c.id), clientId: 'OFFLINE-CALL' } })));
  expect([...sms, ...calls].filter((r) => r.errors)).toEqual([]);
  expect(new Set(sms.map((r) => (r.data as { sendSms: { messageId: string } }).sendSms.messageId)).size).toBe(1);
  expect(new Set(calls.map((r) => (r.data as { callDebtor: { callId: string } }).callDebtor.callId)).size).toBe(1);
  const sent = client.runtime.services.contact.outbox.list({ caseId: c.id }, 100);
  expect(sent.map((s) => s.channel).sort()).toEqual(['call', 'sms']);
  expect(await recorded(c.id)).toEqual({ rows: 2, events: 2 });
}, 60_000);
