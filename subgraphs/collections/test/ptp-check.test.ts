import { Ptp, runPtpCheck, SystemConfig } from '@platform/collections';
import { DateTime } from 'luxon';
import { CollectionsClient, type OrgFixture } from './support/harness';
import { checkEvents, promiseOf, utcDay } from './support/ptp-check-fixture';

// The PTP check's rules, one run at a time: what counts as overdue (the tenant's calendar, its grace days), what as
// due, and what the reminder carries.
let client: CollectionsClient;
let org: OrgFixture;

beforeAll(async () => {
  client = await CollectionsClient.start({ PTP_CHECK_POLL_MS: '0', OUTBOUND_POLL_MS: '0' });
  org = await client.seedOrg();
});
afterAll(() => client?.close());

const check = (now?: Date) => client.runtime.services.ptpCheck.runOnce(now);
const reread = (p: Ptp) => client.em(null).findOneOrFail(Ptp, { id: p.id }, { refresh: true });

it('breaks a promise whose date passed unpaid (ptp.broken), keeps today’s and closed ones, and reminds today’s once with ptpDue', async () => {
  const yesterday = await promiseOf(client, org, -1);
  const today = await promiseOf(client, org, 0);
  const keptLate = await promiseOf(client, org, -2, 'kept');
  const noon = DateTime.fromISO(`${utcDay(0)}T12:00:00Z`).toJSDate();
  expect(await check(noon)).toEqual({ broken: 1, reminded: 1 });
  expect(await check(noon)).toEqual({ broken: 0, reminded: 0 });
  expect((await reread(yesterday)).promiseStatus).toBe('broken');
  expect((await reread(today)).promiseStatus).toBe('pending');
  expect((await reread(keptLate)).promiseStatus).toBe('kept');
  const events = await checkEvents(client, [yesterday.id, today.id, keptLate.id]);
  expect(events.broken).toEqual(new Map([[String(yesterday.id), 1]]));
  expect(events.notices).toEqual([
    expect.objectContaining({
      recipients: { userIds: [org.collectors.c1.userId] },
      template: 'ptp.due',
      live: { kind: 'ptpDue', data: { ptpId: today.id, caseId: today.caseId, caseCode: expect.any(String), promisedAmount: '500.00', promisedDate: utcDay(0), dueInHours: 12 } },
    }),
  ]);
});

it('a promise due beyond the reminder window (24 h by default) is not reminded yet', async () => {
  const later = await promiseOf(client, org, 3);
  const result = await check();
  expect(result.reminded).toBe(0);
  expect((await reread(later)).dueRemindedAt ?? null).toBeNull();
});

it('the tenant’s ptp_grace_days keep a late promise open that many days', async () => {
  const em = client.em(null);
  em.create(SystemConfig, { tenantId: 1, configKey: 'ptp_grace_days', configValue: 2 });
  await em.flush();
  try {
    const twoDaysLate = await promiseOf(client, org, -2);
    const threeDaysLate = await promiseOf(client, org, -3);
    await check();
    expect((await reread(twoDaysLate)).promiseStatus).toBe('pending');
    expect((await reread(threeDaysLate)).promiseStatus).toBe('broken');
  } finally {
    await client.em(null).nativeDelete(SystemConfig, { tenantId: 1, configKey: 'ptp_grace_days' });
  }
});

it('promises passed over (in their grace days, or whose day has ended) never hold back the ones after them', async () => {
  const em = client.em(null);
  em.create(SystemConfig, { tenantId: 1, configKey: 'ptp_grace_days', configValue: 2 });
  await em.flush();
  try {
    // Read two at a time: the first pages hold only promises this run must leave as they are.
    for (let i = 0; i < 3; i++) await promiseOf(client, org, -1);
    const overdue = await promiseOf(client, org, -3);
    const dueToday = await promiseOf(client, org, 0);
    const noon = DateTime.fromISO(`${utcDay(0)}T12:00:00Z`).toJSDate();
    expect(await runPtpCheck(client.runtime.orm.em, { remindHours: 24, batchSize: 2 }, noon)).toEqual({ broken: 1, reminded: 1 });
    expect((await reread(overdue)).promiseStatus).toBe('broken');
    expect((await reread(dueToday)).dueRemindedAt).not.toBeNull();
  } finally {
    await client.em(null).nativeDelete(SystemConfig, { tenantId: 1, configKey: 'ptp_grace_days' });
  }
});
