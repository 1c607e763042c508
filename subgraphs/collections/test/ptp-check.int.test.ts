import { Ptp } from '@platform/collections';
import { CollectionsClient, type OrgFixture } from './support/harness';
import { checkEvents, promiseOf } from './support/ptp-check-fixture';

// On MariaDB: PTP checkers racing over the same promises (as several collections instances do every minute) break each
// overdue promise once and remind each due one once: one status change and one outbox event per promise.
let client: CollectionsClient;
let org: OrgFixture;

beforeAll(async () => {
  client = await CollectionsClient.start({ PTP_CHECK_POLL_MS: '0', OUTBOUND_POLL_MS: '0' }, {}, 'mariadb');
  org = await client.seedOrg();
}, 60_000);
afterAll(() => client?.close());

it('two checkers racing three rounds break 15 overdue promises and remind 15 due ones exactly once each', async () => {
  const overdue = await Promise.all(Array.from({ length: 15 }, (_, n) => promiseOf(client, org, n % 2 ? -1 : -3, n % 3 ? 'pending' : 'partially_kept')));
  const due = await Promise.all(Array.from({ length: 15 }, () => promiseOf(client, org, 0)));
  const later = await promiseOf(client, org, 5);
  const totals = { broken: 0, reminded: 0 };
  for (let round = 0; round < 3; round++) {
    const results = await Promise.all([client.runtime.services.ptpCheck.runOnce(), client.runtime.services.ptpCheck.runOnce()]);
    for (const r of results) {
      totals.broken += r.broken;
      totals.reminded += r.reminded;
    }
  }
  expect(totals).toEqual({ broken: 15, reminded: 15 });

  const rows = await client.em(null).find(Ptp, { id: { $in: [...overdue, ...due, later].map((p) => p.id) } });
  const status = new Map(rows.map((r) => [r.id, r]));
  expect(overdue.every((p) => status.get(p.id)!.promiseStatus === 'broken' && status.get(p.id)!.expiredAt)).toBe(true);
  expect(due.every((p) => status.get(p.id)!.promiseStatus === 'pending' && status.get(p.id)!.dueRemindedAt)).toBe(true);
  expect(status.get(later.id)).toMatchObject({ promiseStatus: 'pending', dueRemindedAt: null });

  const events = await checkEvents(client, [...overdue, ...due, later].map((p) => p.id));
  expect([...events.broken.values()]).toEqual(overdue.map(() => 1));
  expect([...events.broken.keys()].sort()).toEqual(overdue.map((p) => String(p.id)).sort());
  expect([...events.reminded.values()]).toEqual(due.map(() => 1));
  expect(events.notices.every((n) => n.recipients.userIds?.[0] === org.collectors.c1.userId && n.template === 'ptp.due')).toBe(true);
}, 60_000);
