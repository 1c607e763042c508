import { Decimal } from '@platform/kit';
import { CollectionCase, Communication, Ptp, QualityInspection, Repayment, type Collector } from '@platform/collections';
import type { CollectionsClient, OrgFixture } from '../support/harness';

/** A local time at UTC+8 (every seeded agency's default zone) as a UTC instant. */
export const at8 = (local: string): Date => new Date(`${local.replace(' ', 'T')}+08:00`);

const place = (c: Collector) => ({ tenantId: c.tenantId, collectorId: c.id, agencyId: c.agencyId, teamId: c.teamId ?? null });

/**
 * Work on 2025-11-20 (UTC+8) written at known times, plus rows on the days around it and in tenant 2 that no
 * figure of that day may count. Tests assert every figure against this list.
 */
export async function seedWork(client: CollectionsClient, org: OrgFixture) {
  const em = client.em(null);
  const { c1, c2, c3, c4, x1 } = org.collectors;
  const cases = {} as Record<'k1' | 'k2' | 'k3' | 'k4' | 'kx', CollectionCase>;
  for (const [key, c, code] of [['k1', c1, 'K1'], ['k2', c2, 'K2'], ['k3', c3, 'K3'], ['k4', c4, 'K4'], ['kx', x1, 'KX']] as const) {
    cases[key] = em.create(CollectionCase, {
      ...place(c),
      teamGroupId: c.teamGroupId ?? null,
      caseCode: code,
      customerId: `U${code}`,
      userName: `借款人${code}`,
      mobile: '+639170000000',
      loanAmount: new Decimal('1000.00'),
      dueDate: '2025-10-01',
      outstandingAmount: new Decimal('1000.00'),
      overdueDays: 50,
      assignedAt: at8('2025-10-02 10:00:00'),
    });
  }
  await em.flush();
  const comm = (c: Collector, k: CollectionCase, local: string, contactMethod: Communication['contactMethod'], contactResult: string) =>
    em.create(Communication, { ...place(c), caseId: k.id, contactTime: at8(local), contactMethod, contactResult });
  comm(c1, cases.k1, '2025-11-20 09:15:00', 'phone', '接通');
  comm(c1, cases.k1, '2025-11-20 09:40:00', 'phone', '未接通');
  comm(c1, cases.k1, '2025-11-20 10:05:00', 'whatsapp', '接通');
  comm(c3, cases.k3, '2025-11-20 10:30:00', 'sms', '关机');
  comm(c4, cases.k4, '2025-11-20 11:00:00', 'phone', '接通');
  comm(c1, cases.k1, '2025-11-19 23:30:00', 'phone', '接通'); // the day before
  comm(c1, cases.k1, '2025-11-21 00:10:00', 'phone', '接通'); // the day after
  comm(x1, cases.kx, '2025-11-20 10:00:00', 'phone', '接通'); // tenant 2

  const ptp = (c: Collector, k: CollectionCase, local: string, amount: string, promiseStatus: Ptp['promiseStatus']) =>
    em.create(Ptp, { ...place(c), caseId: k.id, createdAt: at8(local), promiseDate: '2025-11-25', promiseAmount: new Decimal(amount), promiseStatus });
  ptp(c1, cases.k1, '2025-11-20 09:20:00', '1000.10', 'pending');
  ptp(c1, cases.k1, '2025-11-20 14:00:00', '2000.20', 'kept');
  ptp(c2, cases.k2, '2025-11-20 15:00:00', '500.05', 'broken');
  ptp(c4, cases.k4, '2025-11-20 16:00:00', '99.99', 'pending');
  ptp(c1, cases.k1, '2025-11-19 12:00:00', '1.00', 'kept'); // the day before
  ptp(x1, cases.kx, '2025-11-20 12:00:00', '7.00', 'kept'); // tenant 2

  const inspect = (c: Collector, k: CollectionCase, local: string, score: number, result: string) =>
    em.create(QualityInspection, { ...place(c), caseId: k.id, communicationId: 1, reviewerId: '2', createdAt: at8(local), score, result });
  inspect(c1, cases.k1, '2025-11-20 17:00:00', 95, '优秀');
  inspect(c2, cases.k2, '2025-11-20 17:10:00', 80, '良好');
  inspect(c4, cases.k4, '2025-11-20 17:20:00', 60, '一般');
  inspect(c1, cases.k1, '2025-11-21 09:00:00', 10, '较差'); // the day after

  // The month (2025-11 at UTC+8) around that day, for performance and analytics.
  cases.k1.queueId = org.queues.M2.id;
  cases.k2.queueId = org.queues.M2.id;
  cases.k4.outstandingAmount = new Decimal('123.45');
  const more = (code: string, c: Collector, extra: Partial<CollectionCase>) =>
    em.create(CollectionCase, {
      ...place(c),
      teamGroupId: c.teamGroupId ?? null,
      caseCode: code,
      customerId: `U${code}`,
      userName: `借款人${code}`,
      mobile: '+639170000000',
      loanAmount: new Decimal('1000.00'),
      dueDate: '2025-10-01',
      outstandingAmount: new Decimal('1000.00'),
      overdueDays: 50,
      assignedAt: at8('2025-10-02 10:00:00'),
      ...extra,
    });
  const settled = { caseStatus: 'settled' as const, outstandingAmount: new Decimal(0) };
  more('K1B', c1, { ...settled, settlementDate: '2025-11-20' }); // resolved in the month
  more('K1C', c1, { ...settled, settlementDate: '2025-10-15' }); // settled before it: not held
  more('K1D', c1, { assignedAt: at8('2025-12-05 10:00:00') }); // assigned after it
  ptp(c1, cases.k1, '2025-11-05 10:00:00', '10.00', 'broken').promiseDate = '2025-11-10';
  ptp(c1, cases.k1, '2025-12-01 10:00:00', '5.00', 'kept').promiseDate = '2025-12-01'; // due next month
  const repay = (c: Collector, k: CollectionCase, id: string, local: string, amount: string, confirmed = true) =>
    em.create(Repayment, { ...place(c), caseId: k.id, repaymentId: id, repaymentDate: at8(local), repaymentAmount: new Decimal(amount), source: 'partner', confirmed });
  repay(c1, cases.k1, 'R1', '2025-11-20 10:00:00', '300.10');
  repay(c1, cases.k1, 'R2', '2025-11-30 23:30:00', '0.01');
  repay(c1, cases.k1, 'R3', '2025-12-01 00:30:00', '7.00'); // the next local month
  repay(c1, cases.k1, 'R4', '2025-11-21 10:00:00', '50.00', false); // not confirmed
  await em.flush();
  return { cases };
}
