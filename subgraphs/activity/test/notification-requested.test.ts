import { ActivityClient, asIterator, callers, nextEvent, outsider, TENANT } from './support/harness';
import { membershipChanged, noticeRequested, settle, untilNotifications, userUpdated } from './support/events';

const { admin, alice, bob } = callers;

let client: ActivityClient;
beforeEach(async () => {
  client = await ActivityClient.start({ REMINDER_POLL_SECONDS: '0' });
});
afterEach(() => client.close());

const RATED = { template: 'worklog.rated', params: { log_date: '2026-12-01', rater: 'admin', rating: 5, comment: '很好', worklog_id: 7 } };

describe('notification.requested → notifications', () => {
  test('renders the platform default template, stores one per recipient and delivers it live', async () => {
    const live = asIterator(await client.subscribe(alice, 'subscription { notificationReceived { title body category priority actionUrl templateCode recipient { id } } }'));
    const received = nextEvent(live);
    await client.bus.publish([noticeRequested(TENANT, { ...RATED, recipients: { userIds: [alice.userId] } })]);

    expect((await received).data?.notificationReceived).toEqual({
      title: '工作日志已评分',
      body: '您 2026-12-01 的工作日志已被 admin 评为 5 分 很好',
      category: 'work_log',
      priority: 'medium',
      actionUrl: '/worklogs/7',
      templateCode: 'worklog.rated',
      recipient: { id: alice.userId },
    });
    await live.return?.();
    const mine = await client.ok(alice, '{ myNotifications { total items { title read } } }');
    expect(mine.myNotifications).toMatchObject({ total: 1, items: [{ title: '工作日志已评分', read: false }] });
  });

  test('a redelivered event (same id) creates nothing twice', async () => {
    const event = noticeRequested(TENANT, { ...RATED, recipients: { userIds: [alice.userId, bob.userId] } });
    await client.bus.publish([event]);
    await untilNotifications(client, (rows) => rows.length === 2);
    await client.bus.publish([event]);
    await settle(client);
    expect((await untilNotifications(client, () => true)).length).toBe(2);
  });

  test("the tenant's own template of that code wins; a disabled one sends nothing", async () => {
    await client.ok(admin, `mutation { createNotificationTemplate(input: { code: "worklog.rated", name: "评分", type: "work_log", titleTemplate: "评分 {rating}", contentTemplate: "{rater} 给了 {rating} 分", priority: high, forcedRead: true }) { id } }`);
    await client.bus.publish([noticeRequested(TENANT, { ...RATED, recipients: { userIds: [alice.userId] } })]);
    const [row] = await untilNotifications(client, (rows) => rows.length === 1);
    expect(row).toMatchObject({ title: '评分 5', body: 'admin 给了 5 分', priority: 'high', forcedRead: true });

    await client.ok(admin, `mutation { createNotificationTemplate(input: { code: "ptp.due", name: "off", type: "ptp_due", contentTemplate: "x", enabled: false }) { id } }`);
    await client.bus.publish([noticeRequested(TENANT, { template: 'ptp.due', recipients: { userIds: [alice.userId] } })]);
    await settle(client);
    expect((await untilNotifications(client, () => true)).length).toBe(1);
  });

  test('roles, teams and agencies resolve through the projections of identity and the collections subgraph, within the tenant', async () => {
    await client.bus.publish([
      userUpdated(alice, ['collector']),
      userUpdated(bob, ['sales']),
      userUpdated(outsider, ['collector']),
      membershipChanged(bob, 5, 9),
    ]);
    await settle(client);

    await client.bus.publish([noticeRequested(TENANT, { template: 'case.assigned', recipients: { roles: ['collector'] } })]);
    await untilNotifications(client, (r) => r.length >= 1);
    await settle(client);
    let rows = await untilNotifications(client, () => true);
    expect(rows.map((r) => r.recipientId)).toEqual([alice.userId]);

    await client.bus.publish([noticeRequested(TENANT, { template: 'case.assigned', recipients: { teamIds: [5] } })]);
    rows = await untilNotifications(client, (r) => r.length === 2);
    expect(rows[1].recipientId).toBe(bob.userId);
    await client.bus.publish([noticeRequested(TENANT, { template: 'case.assigned', recipients: { agencyIds: [9], userIds: [bob.userId] } })]);
    rows = await untilNotifications(client, (r) => r.length === 3);
    expect(rows[2].recipientId).toBe(bob.userId);

    // A deactivated collector is told nothing any more.
    await client.bus.publish([userUpdated(alice, ['collector'], 'inactive')]);
    await settle(client);
    await client.bus.publish([noticeRequested(TENANT, { template: 'case.assigned', recipients: { roles: ['collector'] } })]);
    await settle(client);
    expect((await untilNotifications(client, () => true)).length).toBe(3);
  });

  test("another tenant's user named by id is not told", async () => {
    await client.bus.publish([noticeRequested(TENANT, { ...RATED, recipients: { userIds: [outsider.userId, alice.userId] } })]);
    const rows = await untilNotifications(client, (r) => r.length >= 1);
    await settle(client);
    expect(rows.map((r) => r.recipientId)).toEqual([alice.userId]);
  });
});

test('a code without any template waits as a dead letter; once the template exists, a replay sends it', async () => {
  await client.bus.publish([noticeRequested(TENANT, { template: 'visit.planned', params: { place: 'Makati' }, recipients: { userIds: [alice.userId] } })]);
  const letters = async () =>
    (await client.ok(callers.superAdmin, '{ activityDeadLetters { items { id consumer topic } } }')).activityDeadLetters.items as Array<{ id: string; consumer: string }>;
  const deadline = Date.now() + 15_000;
  while (!(await letters()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const [letter] = await letters();
  expect(letter).toMatchObject({ consumer: 'notification-requested', topic: 'notification.requested' });

  await client.ok(admin, `mutation { createNotificationTemplate(input: { code: "visit.planned", name: "外访", type: "visit", contentTemplate: "外访 {place}" }) { id } }`);
  await client.ok(callers.superAdmin, `mutation($id: ID!) { replayActivityDeadLetter(id: $id) { id } }`, { id: letter.id });
  const [row] = await untilNotifications(client, (rows) => rows.length === 1);
  expect(row).toMatchObject({ recipientId: alice.userId, body: '外访 Makati', category: 'visit' });
}, 30_000);

describe('typed live events', () => {
  const REPAYMENT = {
    caseId: 42,
    caseCode: 'CASE_042',
    repaymentId: 'RP-1',
    amount: '2000.00',
    currency: 'PHP',
    repaidAt: '2026-12-04T08:00:05.000Z',
    outstandingAmount: '3000.50',
    status: 'partial',
  };

  test('repaymentReceived reaches its recipient only, typed, beside the stored notification', async () => {
    const query = 'subscription { repaymentReceived { notificationId caseId caseCode repaymentId amount currency repaidAt outstandingAmount status } }';
    const mine = asIterator(await client.subscribe(alice, query));
    const theirs = asIterator(await client.subscribe(bob, query));
    const got = nextEvent(mine);
    const leaked = nextEvent(theirs, 700);
    await client.bus.publish([
      noticeRequested(TENANT, {
        template: 'repayment.received',
        params: { debtor_name: '陈*明', amount: '2000.00', currency: 'PHP', case_code: 'CASE_042', case_id: 42 },
        recipients: { userIds: [alice.userId] },
        live: { kind: 'repaymentReceived', data: REPAYMENT },
      }, 'collections'),
    ]);
    const event = (await got).data?.repaymentReceived;
    const [stored] = await untilNotifications(client, (r) => r.length === 1);
    expect(event).toEqual({ ...REPAYMENT, caseId: '42', notificationId: String(stored.id), repaidAt: '2026-12-04T08:00:05.000Z' });
    await expect(leaked).rejects.toThrow('no event');
    await mine.return?.();
    await theirs.return?.();
  });

  test('caseAssigned and ptpDue carry their fields', async () => {
    const cases = asIterator(await client.subscribe(alice, 'subscription { caseAssigned { caseId caseCode debtorName overdueDays assignedAt assignedBy } }'));
    const ptps = asIterator(await client.subscribe(alice, 'subscription { ptpDue { ptpId caseId caseCode promisedAmount promisedDate dueInHours } }'));
    const assigned = nextEvent(cases);
    const due = nextEvent(ptps);
    await client.bus.publish([
      noticeRequested(TENANT, {
        template: 'case.assigned',
        recipients: { userIds: [alice.userId] },
        live: { kind: 'caseAssigned', data: { caseId: 7, caseCode: 'C7', debtorName: '李*红', overdueDays: 15, assignedAt: '2026-12-04T01:00:00.000Z', assignedBy: 'spv01' } },
      }),
      noticeRequested(TENANT, {
        template: 'ptp.due',
        recipients: { userIds: [alice.userId] },
        live: { kind: 'ptpDue', data: { ptpId: 3, caseId: 7, caseCode: 'C7', promisedAmount: '500.00', promisedDate: '2026-12-05', dueInHours: 20 } },
      }),
    ]);
    expect((await assigned).data?.caseAssigned).toEqual({
      caseId: '7', caseCode: 'C7', debtorName: '李*红', overdueDays: 15, assignedAt: '2026-12-04T01:00:00.000Z', assignedBy: 'spv01',
    });
    expect((await due).data?.ptpDue).toEqual({ ptpId: '3', caseId: '7', caseCode: 'C7', promisedAmount: '500.00', promisedDate: '2026-12-05', dueInHours: 20 });
    await cases.return?.();
    await ptps.return?.();
  });
});
