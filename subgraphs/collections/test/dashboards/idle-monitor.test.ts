import { AgencyWorkingHour, CollectionCase } from '@platform/collections';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from '../support/harness';
import { at8, seedWork } from './work-fixture';
import { idleMinutes } from '../../src/modules/dashboards/services/idle-time';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  const { cases } = await seedWork(client, org);
  const em = client.em();
  (await em.findOneOrFail(CollectionCase, cases.k3.id)).caseStatus = 'settled'; // c3 holds no open case
  await em.flush();
});
afterAll(() => client.close());

const IDLE = `query ($agencyId: ID!, $date: String) {
  idleCollectors(agencyId: $agencyId, date: $date) {
    date agencyId agencyName utcOffsetHours workStart workEnd thresholdMinutes
    idleCollectors { collectorId collectorName idleMinutes idleReason lastActivityAt }
  }
}`;
const iso = (local: string) => at8(local).toISOString();

describe('idleMinutes', () => {
  const window = { from: at8('2025-11-20 09:00:00'), to: at8('2025-11-20 18:00:00') };
  it('sums the gaps longer than the threshold between activities, window edges included', () => {
    const times = ['09:15', '09:20', '09:40', '10:05', '14:00'].map((t) => at8(`2025-11-20 ${t}:00`));
    expect(idleMinutes(window, times, 30, at8('2025-11-21 00:00:00'))).toBe(235 + 240);
    expect(idleMinutes(window, [], 30, at8('2025-11-21 00:00:00'))).toBe(540);
    // only the part of the window already past counts; activities outside it are ignored
    expect(idleMinutes(window, [at8('2025-11-20 08:00:00')], 30, at8('2025-11-20 10:00:00'))).toBe(60);
    expect(idleMinutes(window, [], 30, at8('2025-11-20 08:00:00'))).toBe(0);
  });
});

describe('idleCollectors', () => {
  const { c1, c2, c3 } = { c1: () => org.collectors.c1, c2: () => org.collectors.c2, c3: () => org.collectors.c3 };

  it('within the default working hours (Mon–Fri 09:00–18:00): idle minutes, reason and last activity per collector', async () => {
    const { idleCollectors: report } = await client.ok(org.callers.tenantAdmin, IDLE, { agencyId: String(org.agencies.A1.id), date: '2025-11-20' });
    expect(report).toEqual({
      date: '2025-11-20',
      agencyId: String(org.agencies.A1.id),
      agencyName: '机构 A1',
      utcOffsetHours: 8,
      workStart: iso('2025-11-20 09:00:00'),
      workEnd: iso('2025-11-20 18:00:00'),
      thresholdMinutes: 30,
      idleCollectors: [
        // a PTP at 15:00 only: 09:00–15:00 and 15:00–18:00
        { collectorId: String(c2().id), collectorName: '李小红', idleMinutes: 540, idleReason: '长时间无操作', lastActivityAt: iso('2025-11-20 15:00:00') },
        { collectorId: String(c3().id), collectorName: '张小刚', idleMinutes: 540, idleReason: '无分配案件', lastActivityAt: iso('2025-11-20 10:30:00') },
        // calls at 09:15, 09:40, 10:05 and PTPs at 09:20, 14:00: the gaps 10:05–14:00 and 14:00–18:00
        { collectorId: String(c1().id), collectorName: '王小明', idleMinutes: 475, idleReason: '长时间无操作', lastActivityAt: iso('2025-11-20 14:00:00') },
      ],
    });
  });

  it('a day with no activity in working hours is 无沟通记录 (the 00:10 call is outside them)', async () => {
    const { idleCollectors: report } = await client.ok(org.callers.tenantAdmin, IDLE, { agencyId: String(org.agencies.A1.id), date: '2025-11-21' });
    expect(report.idleCollectors.map((c: { idleMinutes: number; idleReason: string }) => [c.idleMinutes, c.idleReason])).toEqual([
      [540, '无沟通记录'],
      [540, '无沟通记录'],
      [540, '无分配案件'],
    ]);
    expect(report.idleCollectors[0].lastActivityAt).toBeNull();
  });

  it('follows the agency’s working-hour rows; a day without one is a day off', async () => {
    const em = client.em();
    em.create(AgencyWorkingHour, { tenantId: 1, agencyId: org.agencies.A1.id, dayOfWeek: 4, startTime: '10:00:00', endTime: '12:00:00' });
    await em.flush();
    const { idleCollectors: thursday } = await client.ok(org.callers.tenantAdmin, IDLE, { agencyId: String(org.agencies.A1.id), date: '2025-11-20' });
    expect(thursday).toMatchObject({ workStart: iso('2025-11-20 10:00:00'), workEnd: iso('2025-11-20 12:00:00') });
    expect(thursday.idleCollectors.map((c: { collectorName: string; idleMinutes: number; idleReason: string }) => [c.collectorName, c.idleMinutes, c.idleReason])).toEqual([
      ['李小红', 120, '无沟通记录'],
      ['王小明', 115, '长时间无操作'],
      ['张小刚', 90, '无分配案件'],
    ]);
    const { idleCollectors: friday } = await client.ok(org.callers.tenantAdmin, IDLE, { agencyId: String(org.agencies.A1.id), date: '2025-11-21' });
    expect(friday).toMatchObject({ workStart: null, workEnd: null, idleCollectors: [] });
  });

  it('keeps to the caller’s scope: a team leader sees their team; another agency is NOT_FOUND; a bad date names date', async () => {
    const { idleCollectors: team } = await client.ok(org.callers.teamLeader, IDLE, { agencyId: String(org.agencies.A1.id), date: '2025-11-20' });
    expect(team.idleCollectors.map((c: { collectorName: string }) => c.collectorName).sort()).toEqual(['李小红', '王小明']);
    expect(codeOf(await client.run(org.callers.agencyAdmin, IDLE, { agencyId: String(org.agencies.A2.id), date: '2025-11-20' }))).toBe('NOT_FOUND');
    expect(codeOf(await client.run(org.callers.otherTenantAdmin, IDLE, { agencyId: String(org.agencies.A1.id) }))).toBe('NOT_FOUND');
    const bad = await client.run(org.callers.tenantAdmin, IDLE, { agencyId: String(org.agencies.A1.id), date: '2025/11/20' });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'date']);
  });
});
