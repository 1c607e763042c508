import { forkForTenant, SqlCounter } from '@platform/kit';
import { Notification } from '@platform/activity';
import { ActivityClient, asIterator, callers, codeOf, nextEvent, outsider } from './support/harness';
import { settle, tenantChanged, userUpdated } from './support/events';

const { admin, alice, bob, superAdmin } = callers;
const counter = new SqlCounter();

const TEMPLATES = `{ notificationTemplates { total items { code name type contentTemplate targetType forcedRead priority enabled repeatIntervalMinutes maxRemindCount displayDurationSeconds totalSent totalRead } } }`;
const CREATE = `mutation($input: CreateNotificationTemplateInput!) { createNotificationTemplate(input: $input) { id code } }`;
const PUSH = `mutation($input: PushNotificationInput!) { pushNotification(input: $input) { id title body recipient { id } } }`;
const TAG = {
  code: 'CASE_TAG_CHANGE',
  name: '案件标签变更通知',
  type: 'case_tag_change',
  contentTemplate: '案件 {case_code} 的标签已变更为 {tag_name}',
  forcedRead: false,
  repeatIntervalMinutes: 30,
  maxRemindCount: 3,
  priority: 'medium',
  displayDurationSeconds: 5,
  enabled: true,
};

let client: ActivityClient;
beforeEach(async () => {
  client = await ActivityClient.start({ REMINDER_POLL_SECONDS: '0' }, { sqlCounter: counter });
});
afterEach(() => client.close());

describe('templates and pushes', () => {
  test('a template is created, pushed to users and roles, and counts its sent and read notifications in SQL', async () => {
    await client.ok(admin, CREATE, { input: TAG });
    await client.bus.publish([userUpdated(bob, ['collector']), userUpdated(outsider, ['collector'])]);
    await settle(client);
    const pushed = (await client.ok(admin, PUSH, {
      input: { templateCode: 'CASE_TAG_CHANGE', userIds: [alice.userId], roles: ['collector'], variables: { case_code: 'CASE_001', tag_name: '高优先级' } },
    })).pushNotification;
    expect(pushed.map((n: { recipient: { id: string } }) => n.recipient.id)).toEqual([alice.userId, bob.userId]);
    expect(pushed[0]).toMatchObject({ title: '案件标签变更通知', body: '案件 CASE_001 的标签已变更为 高优先级' });
    await client.ok(alice, `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`, { id: pushed[0].id });

    const { notificationTemplates } = await client.ok(admin, TEMPLATES);
    expect(notificationTemplates).toEqual({ total: 1, items: [{ ...TAG, targetType: 'collector', totalSent: 2, totalRead: 1 }] });
  });

  test('a taken code is CONFLICT; an unknown template or no recipient is refused and nothing is sent', async () => {
    await client.ok(admin, CREATE, { input: TAG });
    expect(codeOf(await client.run(admin, CREATE, { input: TAG }))).toBe('CONFLICT');
    expect(codeOf(await client.run(admin, PUSH, { input: { templateCode: 'NOPE', userIds: [alice.userId] } }))).toBe('NOT_FOUND');
    const none = await client.run(admin, PUSH, { input: { templateCode: 'CASE_TAG_CHANGE', userIds: [outsider.userId] } });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipients' });
    expect(await forkForTenant(client.runtime.orm.em, null).count(Notification, {})).toBe(0);
  });

  test("templates are the tenant's own: another tenant's admin sees none; the platform names the tenant", async () => {
    await client.ok(admin, CREATE, { input: TAG });
    const otherAdmin = { ...admin, userId: '22', tenantId: '2' };
    expect((await client.ok(otherAdmin, TEMPLATES)).notificationTemplates.total).toBe(0);
    expect(codeOf(await client.run(superAdmin, CREATE, { input: { ...TAG, code: 'X' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.run(admin, CREATE, { input: { ...TAG, code: 'Y', tenantId: '2' } }))).toBe('NOT_FOUND');
  });

  test('the template list costs the same statements for 2 templates as for 10 (counts grouped in one query)', async () => {
    for (let i = 0; i < 10; i++) await client.ok(admin, CREATE, { input: { ...TAG, code: `T${i}` } });
    const statements = async (pageSize: number) => {
      counter.reset();
      await client.ok(admin, `{ notificationTemplates(pageSize: ${pageSize}) { items { code totalSent totalRead } } }`);
      return counter.count;
    };
    const two = await statements(2);
    expect(await statements(10)).toBe(two);
  });
});

describe('reminders', () => {
  test('an unread notification is re-sent every interval up to the maximum, once across concurrent runs; read stops it', async () => {
    await client.ok(admin, CREATE, { input: { ...TAG, repeatIntervalMinutes: 30, maxRemindCount: 2 } });
    const [toAlice, toBob] = (await client.ok(admin, PUSH, { input: { templateCode: 'CASE_TAG_CHANGE', userIds: [alice.userId, bob.userId] } })).pushNotification;
    await client.ok(bob, `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`, { id: toBob.id });
    const live = asIterator(await client.subscribe(alice, 'subscription { notificationReceived { id remindCount } }'));
    const first = nextEvent(live);

    const { reminders } = client.runtime.services;
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    expect(await reminders.runOnce(at(10))).toBe(0);
    // Two instances running the job at once: each reminder is claimed by one of them.
    const sent = await Promise.all([reminders.runOnce(at(31)), reminders.runOnce(at(31))]);
    expect(sent[0] + sent[1]).toBe(1);
    expect((await first).data?.notificationReceived).toEqual({ id: toAlice.id, remindCount: 1 });
    expect(await reminders.runOnce(at(45))).toBe(0);
    expect(await reminders.runOnce(at(62))).toBe(1);
    expect(await reminders.runOnce(at(200))).toBe(0); // the maximum reached
    await live.return?.();
  });
});

describe('public notifications', () => {
  const CREATE_PUBLIC = `mutation($input: CreatePublicNotificationInput!) { createPublicNotification(input: $input) { id effectiveStart effectiveEnd } }`;
  const CURRENT = `{ currentPublicNotifications { total items { id title content forcedRead read readAt } } }`;

  test("local times are the tenant's zone; users see those in effect, with their own read state", async () => {
    await client.bus.publish([tenantChanged(1, 'DEMO', 'Asia/Manila')]);
    await settle(client);
    const created = (await client.ok(admin, CREATE_PUBLIC, {
      input: { title: '系统维护通知', content: '周六凌晨2点维护', forcedRead: true, effectiveStart: '2020-11-20 08:00:00', effectiveEnd: '2099-11-27 23:59:59' },
    })).createPublicNotification;
    expect(created.effectiveStart).toBe('2020-11-20T00:00:00.000Z');
    await client.ok(admin, CREATE_PUBLIC, { input: { title: 'future', content: 'x', effectiveStart: '2099-01-01T00:00:00Z' } });
    await client.ok(admin, CREATE_PUBLIC, { input: { title: 'off', content: 'x', effectiveStart: '2020-01-01 00:00:00', enabled: false } });

    expect((await client.ok(alice, CURRENT)).currentPublicNotifications).toEqual({
      total: 1,
      items: [{ id: created.id, title: '系统维护通知', content: '周六凌晨2点维护', forcedRead: true, read: false, readAt: null }],
    });
    await client.ok(alice, `mutation($id: ID!) { markPublicNotificationRead(id: $id) { id read } }`, { id: created.id });
    await client.ok(alice, `mutation($id: ID!) { markPublicNotificationRead(id: $id) { id read } }`, { id: created.id });
    expect((await client.ok(alice, CURRENT)).currentPublicNotifications.items[0]).toMatchObject({ read: true, readAt: expect.any(String) });
    expect((await client.ok(bob, CURRENT)).currentPublicNotifications.items[0]).toMatchObject({ read: false });
    expect((await client.ok(admin, '{ publicNotifications { total } }')).publicNotifications.total).toBe(3);
    expect((await client.ok(outsider, CURRENT)).currentPublicNotifications.total).toBe(0);
    expect(codeOf(await client.run(outsider, `mutation { markPublicNotificationRead(id: "${created.id}") { id } }`))).toBe('NOT_FOUND');
  });

  test('a page of announcements with read state costs the same statements for 2 as for 10', async () => {
    for (let i = 0; i < 10; i++) {
      const { id } = (await client.ok(admin, CREATE_PUBLIC, { input: { title: `n${i}`, content: 'c', effectiveStart: '2020-01-01T00:00:00Z' } })).createPublicNotification;
      if (i % 2) await client.ok(alice, `mutation($id: ID!) { markPublicNotificationRead(id: $id) { id } }`, { id });
    }
    const statements = async (pageSize: number) => {
      counter.reset();
      const page = (await client.ok(alice, `{ currentPublicNotifications(pageSize: ${pageSize}) { items { id read readAt } } }`)).currentPublicNotifications;
      expect(page.items).toHaveLength(pageSize);
      return counter.count;
    };
    const two = await statements(2);
    expect(await statements(10)).toBe(two);
  });

  test('a bad time or a reversed window is refused naming the field, and nothing is stored', async () => {
    const bad = await client.run(admin, CREATE_PUBLIC, { input: { title: 't', content: 'c', effectiveStart: '20-11-2025' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveStart' });
    const reversed = await client.run(admin, CREATE_PUBLIC, { input: { title: 't', content: 'c', effectiveStart: '2026-01-02 00:00:00', effectiveEnd: '2026-01-01 00:00:00' } });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveEnd' });
    expect((await client.ok(admin, '{ publicNotifications { total } }')).publicNotifications.total).toBe(0);
  });
});

describe('markNotificationsRead', () => {
  test("all or none: another's id is NOT_FOUND and marks nothing", async () => {
    const a = (await client.send(admin, { recipientId: alice.userId, title: 'a', body: 'b' })).sendNotification.id;
    const b = (await client.send(admin, { recipientId: bob.userId, title: 'a', body: 'b' })).sendNotification.id;
    expect(codeOf(await client.run(alice, `mutation { markNotificationsRead(ids: ["${a}", "${b}"]) { id } }`))).toBe('NOT_FOUND');
    expect((await client.ok(alice, '{ myNotifications(unreadOnly: true) { total } }')).myNotifications.total).toBe(1);
    const done = await client.ok(alice, `mutation { markNotificationsRead(ids: ["${a}"]) { id read } }`);
    expect(done.markNotificationsRead).toEqual([{ id: a, read: true }]);
  });
});
