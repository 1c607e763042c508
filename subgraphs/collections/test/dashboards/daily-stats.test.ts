import { randomUUID } from 'node:crypto';
import { Agency, SystemConfig } from '@platform/collections';
import { CollectionsClient, codeOf, fieldOf, TENANT, type OrgFixture } from '../support/harness';
import { seedWork } from './work-fixture';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  await seedWork(client, org);
});
afterAll(() => client.close());

const COMMUNICATIONS = `query ($date: String, $agencyId: ID, $teamId: ID, $collectorId: ID) {
  communicationStats(date: $date, agencyId: $agencyId, teamId: $teamId, collectorId: $collectorId) {
    date utcOffsetHours total byMethod { key count } byResult { key count } byHour { hour count }
  }
}`;
const PTP = `query ($date: String, $agencyId: ID) {
  ptpStats(date: $date, agencyId: $agencyId) {
    date total totalPromiseAmount byStatus { key count } byCollector { collectorId collectorName ptpCount keptCount }
  }
}`;
const QUALITY = `query ($date: String, $collectorId: ID) {
  qualityInspectionStats(date: $date, collectorId: $collectorId) { date total averageScore byResult { key count } }
}`;
const DAY = { date: '2025-11-20' };
const methods = (phone: number, whatsapp: number, sms: number) =>
  [{ key: 'phone', count: phone }, { key: 'whatsapp', count: whatsapp }, { key: 'sms', count: sms }, { key: 'email', count: 0 }, { key: 'visit', count: 0 }];

describe('communicationStats', () => {
  it('counts the tenant’s communications of the local day by method, result and hour', async () => {
    const { communicationStats } = await client.ok(org.callers.tenantAdmin, COMMUNICATIONS, DAY);
    expect(communicationStats).toEqual({
      date: '2025-11-20',
      utcOffsetHours: 8,
      total: 5,
      byMethod: methods(3, 1, 1),
      byResult: [{ key: '接通', count: 3 }, { key: '关机', count: 1 }, { key: '未接通', count: 1 }],
      byHour: [{ hour: 9, count: 2 }, { hour: 10, count: 2 }, { hour: 11, count: 1 }],
    });
  });

  it('narrows by agency, team and collector filters', async () => {
    const c1 = await client.ok(org.callers.tenantAdmin, COMMUNICATIONS, { ...DAY, collectorId: String(org.collectors.c1.id) });
    expect(c1.communicationStats).toMatchObject({ total: 3, byHour: [{ hour: 9, count: 2 }, { hour: 10, count: 1 }] });
    const t2 = await client.ok(org.callers.tenantAdmin, COMMUNICATIONS, { ...DAY, teamId: String(org.teams.T2.id) });
    expect(t2.communicationStats).toMatchObject({ total: 1, byMethod: methods(0, 0, 1), byResult: [{ key: '关机', count: 1 }] });
    const a2 = await client.ok(org.callers.tenantAdmin, COMMUNICATIONS, { ...DAY, agencyId: String(org.agencies.A2.id) });
    expect(a2.communicationStats).toMatchObject({ total: 1, byHour: [{ hour: 11, count: 1 }] });
  });

  it('counts hours and the day in the agency’s zone', async () => {
    const em = client.em();
    const a2 = await em.findOneOrFail(Agency, org.agencies.A2.id);
    a2.timezone = 7;
    await em.flush();
    try {
      // 11:00 at UTC+8 is 10:00 at UTC+7
      const { communicationStats } = await client.ok(org.callers.tenantAdmin, COMMUNICATIONS, { ...DAY, agencyId: String(org.agencies.A2.id) });
      expect(communicationStats).toMatchObject({ utcOffsetHours: 7, total: 1, byHour: [{ hour: 10, count: 1 }] });
    } finally {
      a2.timezone = 8;
      await em.flush();
    }
  });

  it('without an agency, counts in the tenant’s zone as identity announced it (tenant.changed)', async () => {
    await client.runtime.bus.publish([
      {
        id: randomUUID(),
        topic: 'tenant.changed',
        tenantId: TENANT,
        aggregateId: TENANT,
        payload: { tenantId: Number(TENANT), code: 'DEMO', zone: 'Asia/Jakarta' },
        occurredAt: new Date().toISOString(),
      },
    ]);
    try {
      // Asia/Jakarta is UTC+7: the hours move back by one, and so does the day.
      let communicationStats = (await client.ok(org.callers.tenantAdmin, COMMUNICATIONS, DAY)).communicationStats;
      for (let i = 0; i < 200 && communicationStats.utcOffsetHours !== 7; i++) {
        await new Promise((r) => setTimeout(r, 10));
        communicationStats = (await client.ok(org.callers.tenantAdmin, COMMUNICATIONS, DAY)).communicationStats;
      }
      expect(communicationStats.utcOffsetHours).toBe(7);
      // 00:xx on the 21st at UTC+8 is 23:xx on the 20th at UTC+7: it joins the day.
      expect(communicationStats.byHour).toEqual([{ hour: 8, count: 2 }, { hour: 9, count: 2 }, { hour: 10, count: 1 }, { hour: 23, count: 1 }]);
    } finally {
      await client.em().nativeDelete(SystemConfig, { configKey: 'time_zone' });
    }
  });

  it('an agency admin sees only their agency; an SPV their group’s teams; a team leader their team', async () => {
    const admin = await client.ok(org.callers.agencyAdmin, COMMUNICATIONS, DAY);
    expect(admin.communicationStats).toMatchObject({ total: 4, byMethod: methods(2, 1, 1), byHour: [{ hour: 9, count: 2 }, { hour: 10, count: 2 }] });
    // asking for another agency's figures gives nothing, not that agency's
    const other = await client.ok(org.callers.agencyAdmin, COMMUNICATIONS, { ...DAY, agencyId: String(org.agencies.A2.id) });
    expect(other.communicationStats).toMatchObject({ total: 0, byResult: [], byHour: [] });
    expect((await client.ok(org.callers.spv, COMMUNICATIONS, DAY)).communicationStats).toMatchObject({ total: 3 });
    expect((await client.ok(org.callers.teamLeader, COMMUNICATIONS, DAY)).communicationStats).toMatchObject({ total: 3 });
    expect((await client.ok(org.callers.otherTenantAdmin, COMMUNICATIONS, DAY)).communicationStats).toMatchObject({ total: 1 });
  });

  it('a bad date is BAD_USER_INPUT naming date; a collector is refused', async () => {
    for (const date of ['2025-13-01', '2025-02-30', '20251120']) {
      const bad = await client.run(org.callers.tenantAdmin, COMMUNICATIONS, { date });
      expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'date']);
    }
    expect(codeOf(await client.run(org.callers.c1, COMMUNICATIONS, DAY))).toBe('FORBIDDEN');
  });
});

describe('ptpStats', () => {
  it('sums the promised amounts exactly and counts by status and collector', async () => {
    const { ptpStats } = await client.ok(org.callers.tenantAdmin, PTP, DAY);
    expect(ptpStats).toEqual({
      date: '2025-11-20',
      total: 4,
      totalPromiseAmount: '3600.34',
      byStatus: [
        { key: 'pending', count: 2 },
        { key: 'kept', count: 1 },
        { key: 'partially_kept', count: 0 },
        { key: 'broken', count: 1 },
        { key: 'cancelled', count: 0 },
      ],
      byCollector: [
        { collectorId: String(org.collectors.c1.id), collectorName: '王小明', ptpCount: 2, keptCount: 1 },
        { collectorId: String(org.collectors.c2.id), collectorName: '李小红', ptpCount: 1, keptCount: 0 },
        { collectorId: String(org.collectors.c4.id), collectorName: '陈小华', ptpCount: 1, keptCount: 0 },
      ],
    });
  });

  it('an agency admin’s figures hold their agency only', async () => {
    const { ptpStats } = await client.ok(org.callers.agencyAdmin, PTP, DAY);
    expect(ptpStats).toMatchObject({ total: 3, totalPromiseAmount: '3500.35' });
    expect(ptpStats.byCollector.map((c: { collectorName: string }) => c.collectorName)).toEqual(['王小明', '李小红']);
  });
});

describe('qualityInspectionStats', () => {
  it('counts, averages and groups the day’s inspections', async () => {
    const { qualityInspectionStats } = await client.ok(org.callers.tenantAdmin, QUALITY, DAY);
    expect(qualityInspectionStats).toEqual({
      date: '2025-11-20',
      total: 3,
      averageScore: 78.33,
      byResult: [{ key: '优秀', count: 1 }, { key: '良好', count: 1 }, { key: '一般', count: 1 }, { key: '较差', count: 0 }],
    });
    const c1 = await client.ok(org.callers.tenantAdmin, QUALITY, { ...DAY, collectorId: String(org.collectors.c1.id) });
    expect(c1.qualityInspectionStats).toMatchObject({ total: 1, averageScore: 95 });
    const empty = await client.ok(org.callers.tenantAdmin, QUALITY, { date: '2025-11-22' });
    expect(empty.qualityInspectionStats).toMatchObject({ total: 0, averageScore: null });
    expect((await client.ok(org.callers.agencyAdmin, QUALITY, DAY)).qualityInspectionStats).toMatchObject({ total: 2, averageScore: 87.5 });
  });
});
