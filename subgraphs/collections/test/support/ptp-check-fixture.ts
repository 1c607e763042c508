import { Decimal, NOTIFICATION_REQUESTED, OutboxEvent, type NotificationRequestedPayload } from '@platform/kit';
import { CollectionCase, Ptp } from '@platform/collections';
import { DateTime } from 'luxon';
import type { CollectionsClient, OrgFixture } from './harness';

/** `YYYY-MM-DD`, `offset` days from today in UTC (the harness's tenants keep the default zone). */
export const utcDay = (offset: number, now = new Date()) => DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ days: offset }).toFormat('yyyy-MM-dd');

let seq = 0;

/** A case of collector c1 with one promise dated `offset` days from today, in `status`. */
export async function promiseOf(client: CollectionsClient, org: OrgFixture, offset: number, status: Ptp['promiseStatus'] = 'pending'): Promise<Ptp> {
  const em = client.em(null);
  const code = `PTPCHK_${++seq}_${Math.random().toString(36).slice(2, 7)}`;
  const c1 = org.collectors.c1;
  const found = em.create(CollectionCase, {
    tenantId: 1,
    caseCode: code,
    customerId: `U_${code}`,
    userName: '陈大明',
    mobile: '+639171111111',
    loanAmount: new Decimal(5000),
    dueDate: '2025-10-01',
    outstandingAmount: new Decimal(4000),
    overdueDays: 15,
    collectorId: c1.id,
    agencyId: c1.agencyId,
    teamId: c1.teamId ?? null,
  });
  await em.flush();
  const ptp = em.create(Ptp, {
    tenantId: 1,
    caseId: found.id,
    collectorId: c1.id,
    agencyId: c1.agencyId,
    teamId: c1.teamId ?? null,
    promiseDate: utcDay(offset),
    promiseAmount: new Decimal(500),
    promiseStatus: status,
  });
  await em.flush();
  return ptp;
}

/** The outbox rows the check wrote about these promises: `ptp.broken` per promise and `ptpDue` notices per promise. */
export async function checkEvents(client: CollectionsClient, ptpIds: number[]) {
  const ids = ptpIds.map(String);
  const rows = await client.runtime.orm.em.fork().find(OutboxEvent, { aggregateId: { $in: ids }, topic: { $in: ['ptp.broken', NOTIFICATION_REQUESTED] } });
  const count = (pick: (r: OutboxEvent) => boolean) => {
    const byPtp = new Map<string, number>();
    for (const r of rows.filter(pick)) byPtp.set(r.aggregateId!, (byPtp.get(r.aggregateId!) ?? 0) + 1);
    return byPtp;
  };
  const isDueNotice = (r: OutboxEvent) => r.topic === NOTIFICATION_REQUESTED && (r.payload as NotificationRequestedPayload).live?.kind === 'ptpDue';
  return { broken: count((r) => r.topic === 'ptp.broken'), reminded: count(isDueNotice), notices: rows.filter(isDueNotice).map((r) => r.payload as NotificationRequestedPayload) };
}
