import { forkForTenant, OutboxEvent, ProcessedEvent } from '@platform/kit';
import { callerFor } from '@platform/testkit';
import {
  callers,
  codeOf,
  CREATE,
  daysAgo,
  DETAIL,
  LIST,
  POSITIONS,
  positionEvent,
  RATE,
  UPDATE,
  userEvent,
  WorklogsClient,
} from './support/harness';

let client: WorklogsClient;
beforeAll(async () => {
  client = await WorklogsClient.start();
});
afterAll(() => client.close());

/** The outbox rows a log's changes recorded, oldest first. */
async function eventsOf(id: string) {
  const em = forkForTenant(client.runtime.orm.em, null);
  const rows = await em.find(OutboxEvent, { aggregateId: id }, { orderBy: { occurredAt: 'asc' } });
  return rows.map((r) => ({ topic: r.topic, tenantId: r.tenantId, payload: r.payload as Record<string, unknown> }));
}

const employeeIdsOf = async (as: keyof typeof callers) =>
  (await client.ok<{ workLogs: { items: Array<{ employeeId: string }> } }>(callers[as], LIST, { pageSize: 100 })).workLogs.items.map(
    (i) => i.employeeId,
  );

describe('writing a log', () => {
  it('defaults: today, completed; nothing rated', async () => {
    const data = await client.ok<{ createWorkLog: Record<string, unknown> }>(callers.carl, CREATE, { input: { workContent: '  today  ' } });
    expect(data.createWorkLog).toMatchObject({
      employeeId: callers.carl.userId,
      logDate: daysAgo(0),
      workContent: 'today',
      completionStatus: 'completed',
      selfRating: null,
      supervisorRating: null,
      ratedAt: null,
      employee: { id: callers.carl.userId },
      supervisor: null,
    });
  });

  it('refuses, naming the field: a future or impossible date, a blank content, a rating out of 1–5', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ workContent: 'x', logDate: daysAgo(-1) }, 'logDate'],
      [{ workContent: 'x', logDate: '2023-02-29' }, 'logDate'],
      [{ workContent: 'x', logDate: '15/01/2024' }, 'logDate'],
      [{ workContent: '   ', logDate: daysAgo(30) }, 'workContent'],
      [{ workContent: 'x', logDate: daysAgo(30), selfRating: 0 }, 'selfRating'],
      [{ workContent: 'x', logDate: daysAgo(30), selfRating: 6 }, 'selfRating'],
    ];
    for (const [input, field] of cases) {
      const result = await client.run(callers.carl, CREATE, { input });
      expect({ field, got: result.errors?.[0]?.extensions }).toMatchObject({ field, got: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await employeeIdsOf('carl')).toHaveLength(1);
  });

  it('one per employee per day: the second is CONFLICT; another employee’s same day is fine', async () => {
    await client.create(callers.alice, { logDate: daysAgo(2), workContent: 'a' });
    const again = await client.run(callers.alice, CREATE, { input: { logDate: daysAgo(2), workContent: 'b' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WORKLOG_EXISTS' });
    await client.create(callers.bob, { logDate: daysAgo(2), workContent: 'b' });
  });

  it('create and update are recorded as domain events with audit entries', async () => {
    const id = await client.create(callers.alice, { logDate: daysAgo(3), workContent: 'v1', selfRating: 2 });
    await client.ok(callers.alice, UPDATE, { id, input: { workContent: 'v2', selfRating: 3, problemsEncountered: 'none' } });
    const events = await eventsOf(id);
    expect(events.map((e) => e.topic)).toEqual(['worklog.created', 'audit.recorded', 'worklog.updated', 'audit.recorded']);
    expect(events[1]).toEqual({
      topic: 'audit.recorded',
      tenantId: '1',
      payload: expect.objectContaining({
        source: 'worklogs',
        actorId: callers.alice.userId,
        action: 'create',
        resourceType: 'worklog',
        resourceId: id,
        after: expect.objectContaining({ logDate: daysAgo(3), selfRating: 2 }),
      }),
    });
    expect(events[3].payload).toMatchObject({
      action: 'update',
      before: expect.objectContaining({ selfRating: 2 }),
      after: expect.objectContaining({ selfRating: 3 }),
    });
  });

  it('a refused change records nothing and changes nothing', async () => {
    const id = await client.create(callers.alice, { logDate: daysAgo(4), workContent: 'kept' });
    const before = await eventsOf(id);
    expect(codeOf(await client.run(callers.alice, UPDATE, { id, input: { selfRating: 9 } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.run(callers.bob, UPDATE, { id, input: { workContent: 'bob was here' } }))).toBe('NOT_FOUND');
    expect(codeOf(await client.run(callers.mia, RATE, { id, input: { supervisorRating: 7 } }))).toBe('BAD_USER_INPUT');
    expect(await eventsOf(id)).toEqual(before);
    const log = await client.ok<{ workLog: Record<string, unknown> }>(callers.alice, DETAIL, { id });
    expect(log.workLog).toMatchObject({ workContent: 'kept', selfRating: null, supervisorRating: null });
  });
});

describe('rating a log', () => {
  it('records the rating, its audit entry and the worklog.rated notice for the employee', async () => {
    const id = await client.create(callers.alice, { logDate: daysAgo(5), workContent: 'rate me', selfRating: 4 });
    const data = await client.ok<{ rateWorkLog: Record<string, unknown> }>(callers.mia, RATE, {
      id,
      input: { supervisorRating: 5, supervisorComment: '完成质量很高' },
    });
    expect(data.rateWorkLog).toMatchObject({
      supervisorRating: 5,
      supervisorComment: '完成质量很高',
      supervisorId: callers.mia.userId,
      supervisor: { id: callers.mia.userId },
      ratedAt: expect.any(String),
    });
    const events = (await eventsOf(id)).filter((e) => e.topic !== 'worklog.created' && e.payload.action !== 'create');
    expect(events).toEqual([
      {
        topic: 'worklog.rated',
        tenantId: '1',
        payload: { workLogId: Number(id), employeeId: callers.alice.userId, supervisorId: callers.mia.userId, rating: 5 },
      },
      {
        topic: 'audit.recorded',
        tenantId: '1',
        payload: expect.objectContaining({ action: 'rate', actorId: callers.mia.userId, resourceType: 'worklog', resourceId: id }),
      },
      {
        topic: 'notification.requested',
        tenantId: '1',
        payload: {
          source: 'worklogs',
          cause: 'worklog.rated',
          recipients: { userIds: [callers.alice.userId] },
          template: 'worklog.rated',
          // the supervisor's name as identity announced it
          params: { rating: 5, comment: '完成质量很高', log_date: daysAgo(5), rater: '主管 Mia', worklog_id: Number(id) },
        },
      },
    ]);
  });
});

describe('a holder of worklogs:rate without any admin role', () => {
  it('sees and rates any log of the tenant, though no position puts them above it', async () => {
    const rater = callerFor({ role: 'qa', tenantId: '1', userId: '40', username: 'quinn', permissions: ['worklogs:view', 'worklogs:rate'], scope: 'own' });
    const id = await client.create(callers.carl, { logDate: daysAgo(8), workContent: 'for quinn' });
    const rated = await client.ok<{ rateWorkLog: { supervisorRating: number; supervisorId: string } }>(rater, RATE, { id, input: { supervisorRating: 2 } });
    expect(rated.rateWorkLog).toEqual(expect.objectContaining({ supervisorRating: 2, supervisorId: '40' }));
    // never announced by identity: the notice falls back to the login id
    const notice = (await eventsOf(id)).find((e) => e.topic === 'notification.requested');
    expect(notice?.payload.params).toMatchObject({ rater: 'quinn' });
  });
});

describe('who supervises whom follows identity’s events', () => {
  it('moving an employee to another position (user.updated) moves their logs out of the supervisor’s reach', async () => {
    await client.create(callers.bob, { logDate: daysAgo(6), workContent: 'bob' });
    expect(await employeeIdsOf('mia')).toContain(callers.bob.userId);
    await client.announce(userEvent(callers.bob, 'user.updated', { positionId: POSITIONS.support.id, fullName: '员工 Bob' }));
    expect(await employeeIdsOf('mia')).not.toContain(callers.bob.userId);
    await client.announce(userEvent(callers.bob, 'user.updated'));
    expect(await employeeIdsOf('mia')).toContain(callers.bob.userId);
  });

  it('re-parenting a position (position.changed) changes who supervises its holders; a stale event changes nothing', async () => {
    const stale = positionEvent(POSITIONS.support);
    await client.bus.publish([positionEvent({ ...POSITIONS.support, parentId: POSITIONS.lead.id })]);
    await waitFor(async () => (await employeeIdsOf('mia')).includes(callers.carl.userId));
    // an older event arriving late (redelivery, reordering) does not undo the newer one
    await client.bus.publish([{ ...stale, occurredAt: new Date(Date.now() - 60_000).toISOString() }]);
    await waitFor(() => handled(stale.id));
    expect(await employeeIdsOf('mia')).toContain(callers.carl.userId);
    await client.bus.publish([positionEvent(POSITIONS.support, true)]);
    await waitFor(async () => !(await employeeIdsOf('mia')).includes(callers.carl.userId));
  });

  it('a deleted supervisor supervises nobody', async () => {
    const gone = { ...callers.mia, userId: '32', username: 'max' };
    await client.announce(userEvent(gone, 'user.created', { positionId: POSITIONS.lead.id, fullName: 'Max' }));
    const maxSees = async () =>
      (await client.ok<{ workLogs: { total: number } }>(gone, LIST, { filter: { employeeId: callers.alice.userId } })).workLogs.total;
    expect(await maxSees()).toBeGreaterThan(0);
    await client.announce({ ...userEvent(gone, 'user.deleted'), payload: { userId: 32 } });
    expect(await maxSees()).toBe(0);
  });
});

describe('tenant isolation', () => {
  let olgas: string;
  beforeAll(async () => {
    olgas = await client.create(callers.olga, { logDate: daysAgo(1), workContent: 'olga' });
  });

  it('another tenant’s log is NOT_FOUND to read, update or rate, even for the admin, and never listed', async () => {
    for (const [query, variables] of [
      [DETAIL, { id: olgas }],
      [UPDATE, { id: olgas, input: { workContent: 'x' } }],
      [RATE, { id: olgas, input: { supervisorRating: 1 } }],
    ] as const) {
      expect(codeOf(await client.run(callers.admin, query, variables))).toBe('NOT_FOUND');
    }
    expect(await employeeIdsOf('admin')).not.toContain(callers.olga.userId);
    const filtered = await client.ok<{ workLogs: { total: number } }>(callers.admin, LIST, { filter: { employeeId: callers.olga.userId } });
    expect(filtered.workLogs.total).toBe(0);
    expect(await employeeIdsOf('olga')).toEqual([callers.olga.userId]);
  });

  it('entity fetches and figures stay in the caller’s tenant', async () => {
    const data = await client.ok<{ _entities: Array<unknown> }>(
      callers.admin,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on WorkLog { id } ... on User { workLogCount } } }`,
      { r: [{ __typename: 'WorkLog', id: olgas }, { __typename: 'User', id: callers.olga.userId }] },
    );
    expect(data._entities).toEqual([null, { workLogCount: 0 }]);
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Whether worklogs' directory consumer has handled an event (applied or found stale). */
async function handled(eventId: string): Promise<boolean> {
  const em = forkForTenant(client.runtime.orm.em, null);
  return (await em.count(ProcessedEvent, { consumer: 'org-directory', eventId })) === 1;
}
