import type { EntityManager } from '@mikro-orm/core';
import { Decimal, DemoRandom, forkForTenant, mobile, personName } from '@platform/kit';
import {
  Agency,
  CaseAssignment,
  CaseContact,
  CollectionCase,
  Collector,
  Communication,
  Ptp,
  QualityInspection,
  Queue,
  Repayment,
  Team,
  TeamGroup,
} from '@platform/collections';
import { createAccount, type DemoAdmin } from './demo-accounts';
import type { DemoGraph } from './demo-graph';
import type { DemoOptions } from './demo-options';

export interface DemoSummary {
  tenantId: number;
  agencies: number;
  teams: number;
  collectors: number;
  /** Login ids created (collectors and agency admins), all with the demo's user password. */
  logins: string[];
  cases: number;
  communications: number;
  ptps: number;
  repayments: number;
  inspections: number;
}

/** Demo agencies work at UTC+8 (the documents' examples are in the Philippines), 09:00–18:00. */
const OFFSET_HOURS = 8;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 500;
const QUEUES = [
  { queueCode: 'M1', queueName: 'M1 (1–30天)', overdueDaysStart: 1, overdueDaysEnd: 30 },
  { queueCode: 'M2', queueName: 'M2 (31–60天)', overdueDaysStart: 31, overdueDaysEnd: 60 },
  { queueCode: 'M3', queueName: 'M3 (61–90天)', overdueDaysStart: 61, overdueDaysEnd: 90 },
  { queueCode: 'M4', queueName: 'M4 (91天以上)', overdueDaysStart: 91, overdueDaysEnd: null },
];
const RESULTS = { 接通: 45, 未接通: 30, 关机: 10, 拒接: 10, 忙线: 5 };
const METHODS = { phone: 60, whatsapp: 30, sms: 10 } as const;

const localDate = (at: Date) => new Date(at.getTime() + OFFSET_HOURS * HOUR).toISOString().slice(0, 10);
const cents = (value: number) => new Decimal(Math.round(value * 100)).div(100);

interface Staff {
  collector: Collector;
  openCases: number;
  lastActivityAt: Date | null;
}

/**
 * Fills the admin's tenant with an organisation (agencies, team groups, teams, collectors with their identity
 * accounts, an agency admin per agency), the queues, `cases` cases with contacts, and over the last `days` days
 * communications, promises, repayments and a few quality inspections, so the console and dashboards have something
 * to show. Collections rows go through `em` (collections has no admin mutations for them yet).
 */
export async function seedDemoCollections(graph: DemoGraph, admin: DemoAdmin, rootEm: EntityManager, options: DemoOptions, now = new Date()): Promise<DemoSummary> {
  const random = new DemoRandom(options.seed);
  const tenantId = admin.tenantId;
  const em = forkForTenant(rootEm, tenantId);
  const summary: DemoSummary = { tenantId, agencies: 0, teams: 0, collectors: 0, logins: [], cases: 0, communications: 0, ptps: 0, repayments: 0, inspections: 0 };
  const queues = await ensureQueues(em, tenantId);
  const staff = await seedOrganisation(graph, admin, em, options, random, summary);

  for (let first = 0; first < options.cases; first += BATCH) {
    await seedCases(em, tenantId, options, random, now, queues, staff, first, Math.min(BATCH, options.cases - first), admin, summary);
    em.clear();
  }
  for (const s of staff) {
    await em.nativeUpdate(Collector, { id: s.collector.id }, { currentCaseCount: s.openCases, lastActivityAt: s.lastActivityAt });
  }
  return summary;
}

async function ensureQueues(em: EntityManager, tenantId: number): Promise<Queue[]> {
  const existing = await em.find(Queue, { tenantId });
  for (const [i, q] of QUEUES.entries()) {
    if (!existing.some((e) => e.queueCode === q.queueCode)) existing.push(em.create(Queue, { tenantId, ...q, sortOrder: i + 1 }));
  }
  await em.flush();
  return existing;
}

async function seedOrganisation(graph: DemoGraph, admin: DemoAdmin, em: EntityManager, options: DemoOptions, random: DemoRandom, summary: DemoSummary): Promise<Staff[]> {
  const { tenantId } = admin;
  const staff: Staff[] = [];
  const account = async (username: string, fullName: string, roleCode: string) => {
    const id = await createAccount(graph, admin, { username, fullName, roleCode, password: options.userPassword });
    summary.logins.push(username);
    return id;
  };
  for (let a = 1; a <= options.agencies; a++) {
    const agency = em.create(Agency, { tenantId, agencyCode: `${options.tag}-AG${a}`, agencyName: `演示机构${a} (${options.tag})`, agencyNameEn: `Demo Agency ${a}`, timezone: OFFSET_HOURS });
    await em.flush();
    summary.agencies++;
    const adminLogin = `demo_${options.tag}_a${a}_admin`;
    const adminUser = await account(adminLogin, `机构${a}管理员`, 'AgencyAdmin');
    em.create(Collector, { tenantId, userId: adminUser, agencyId: agency.id, collectorCode: adminLogin.toUpperCase(), collectorName: `机构${a}管理员`, position: 'agency_admin' });
    for (let g = 1; g <= options.groupsPerAgency; g++) {
      const group = em.create(TeamGroup, { tenantId, agencyId: agency.id, groupCode: `${options.tag}-A${a}G${g}`, groupName: `机构${a} 组群${g}` });
      await em.flush();
      for (let t = 1; t <= options.teamsPerGroup; t++) {
        const n = (g - 1) * options.teamsPerGroup + t;
        const team = em.create(Team, { tenantId, agencyId: agency.id, teamGroupId: group.id, teamCode: `${options.tag}-A${a}T${n}`, teamName: `机构${a} 小组${n}`, maxCaseCount: 100_000 });
        await em.flush();
        summary.teams++;
        for (let c = 1; c <= options.collectorsPerTeam; c++) {
          const login = `demo_${options.tag}_a${a}t${n}c${c}`;
          const name = personName(random);
          const userId = await account(login, name, 'collector');
          const collector = em.create(Collector, {
            tenantId, userId, agencyId: agency.id, teamId: team.id, teamGroupId: group.id, collectorCode: login.toUpperCase(), collectorName: name,
            collectorLevel: random.pick(['junior', 'senior']), maxCaseCount: 400,
          });
          staff.push({ collector, openCases: 0, lastActivityAt: null });
          summary.collectors++;
        }
      }
    }
    await em.flush();
  }
  return staff;
}

// One batch of cases and everything on them, written with two flushes.
async function seedCases(
  em: EntityManager, tenantId: number, options: DemoOptions, random: DemoRandom, now: Date, queues: Queue[], staff: Staff[],
  first: number, size: number, admin: DemoAdmin, summary: DemoSummary,
): Promise<void> {
  const today = localDate(now);
  const cases: Array<{ kase: CollectionCase; holder: Staff | null }> = [];
  for (let i = first; i < first + size; i++) {
    const overdueDays = random.int(1, 120);
    const loan = random.int(10, 500) * 100;
    const outstanding = cents(loan * (1 + random.int(0, 20) / 100));
    const holder = staff.length && random.chance(0.9) ? staff[i % staff.length] : null;
    const queue = queues.find((q) => overdueDays >= q.overdueDaysStart && (q.overdueDaysEnd === null || q.overdueDaysEnd === undefined || overdueDays <= q.overdueDaysEnd));
    const c = holder?.collector;
    const kase = em.create(CollectionCase, {
      tenantId, caseCode: `DEMO-${options.tag}-${String(i + 1).padStart(6, '0')}`, customerId: `CUST${options.tag}${i + 1}`, userName: personName(random), mobile: mobile(random),
      loanAmount: new Decimal(loan), dueDate: localDate(new Date(now.getTime() - overdueDays * DAY)), outstandingAmount: outstanding, outstandingPrincipal: new Decimal(loan),
      overdueDays, loanProductName: random.pick(['Cash Loan', 'Salary Loan', 'Gadget Loan']), queueId: queue?.id ?? null,
      agencyId: c?.agencyId ?? null, teamGroupId: c?.teamGroupId ?? null, teamId: c?.teamId ?? null, collectorId: c?.id ?? null,
      assignedAt: c ? new Date(now.getTime() - (options.days + random.int(0, 10)) * DAY) : null,
    });
    cases.push({ kase, holder });
  }
  await em.flush();
  for (const { kase, holder } of cases) {
    em.create(CaseContact, { tenantId, caseId: kase.id, phoneNumber: kase.mobile, contactName: kase.userName, relationship: '本人', isPrimary: true });
    if (random.chance(0.5)) em.create(CaseContact, { tenantId, caseId: kase.id, phoneNumber: mobile(random), contactName: personName(random), relationship: random.pick(['配偶', '家人', '朋友', '同事']), phoneType: 'mobile' });
    summary.cases++;
    if (!holder) continue;
    const c = holder.collector;
    const place = { tenantId, caseId: kase.id, collectorId: c.id, agencyId: c.agencyId, teamId: c.teamId ?? null };
    em.create(CaseAssignment, { tenantId, caseId: kase.id, toCollectorId: c.id, kind: 'auto', strategy: 'balanced', assignedAt: kase.assignedAt! });
    let answered: Date | null = null;
    for (let k = random.int(0, 3); k > 0; k--) {
      const contactTime = workingTime(random, now, options.days);
      const contactResult = random.weighted(RESULTS);
      const comm = em.create(Communication, { ...place, contactTime, contactMethod: random.weighted(METHODS), contactPhone: kase.mobile, contactResult, contactPerson: '本人', callDurationSeconds: contactResult === '接通' ? random.int(20, 600) : null });
      summary.communications++;
      if (contactResult === '接通' && (!answered || contactTime > answered)) answered = contactTime;
      if (!kase.lastContactAt || contactTime > kase.lastContactAt) kase.lastContactAt = contactTime;
      if (!holder.lastActivityAt || contactTime > holder.lastActivityAt) holder.lastActivityAt = contactTime;
      const reviewedAt = new Date(contactTime.getTime() + HOUR);
      if (random.chance(0.05) && reviewedAt < now) {
        await em.flush(); // the inspection names the communication
        const score = random.int(55, 100);
        em.create(QualityInspection, { ...place, communicationId: comm.id, reviewerId: admin.userId, score, result: score >= 90 ? '优秀' : score >= 75 ? '良好' : score >= 60 ? '一般' : '较差', createdAt: reviewedAt });
        summary.inspections++;
      }
    }
    if (answered && random.chance(0.4)) seedPromise(em, random, now, today, kase, place, answered, summary);
    if (['pending_repayment', 'partial_repayment', 'promised'].includes(kase.caseStatus)) holder.openCases++;
  }
  await em.flush();
}

/** A promise made on an answered call; once due it was kept (a repayment that day) or broken. */
function seedPromise(
  em: EntityManager, random: DemoRandom, now: Date, today: string, kase: CollectionCase,
  place: { tenantId: number; caseId: number; collectorId: number; agencyId: number; teamId: number | null }, madeAt: Date, summary: DemoSummary,
): void {
  const createdAt = new Date(madeAt.getTime() + 2 * 60_000);
  const dueAt = new Date(createdAt.getTime() + random.int(1, 7) * DAY);
  const promiseDate = localDate(dueAt);
  const amount = Decimal.min(kase.outstandingAmount, cents(kase.outstandingAmount.toNumber() * random.int(10, 60) / 100));
  const ptp = em.create(Ptp, { ...place, createdAt, promiseDate, promiseAmount: amount, promiseMethod: random.pick(['bank_transfer', 'ewallet']), confidenceLevel: random.pick(['high', 'medium', 'low']) });
  summary.ptps++;
  if (promiseDate >= today) {
    kase.caseStatus = 'promised';
    return;
  }
  if (!random.chance(0.55)) {
    ptp.promiseStatus = 'broken';
    return;
  }
  const paidAt = new Date(`${promiseDate}T10:00:00+08:00`);
  ptp.promiseStatus = 'kept';
  ptp.keptAmount = amount;
  em.create(Repayment, { ...place, repaymentId: `DEMO-R-${kase.caseCode}-${summary.repayments + 1}`, repaymentAmount: amount, repaymentDate: paidAt, repaymentChannel: ptp.promiseMethod, source: 'partner' });
  summary.repayments++;
  kase.repaidAmount = kase.repaidAmount.plus(amount);
  kase.outstandingAmount = kase.outstandingAmount.minus(amount);
  kase.caseStatus = kase.outstandingAmount.isZero() ? 'settled' : 'partial_repayment';
  if (kase.caseStatus === 'settled') kase.settlementDate = promiseDate;
}

/** A moment of a working day (09:00–18:00 at UTC+8) in the last `days` days, never in the future. */
function workingTime(random: DemoRandom, now: Date, days: number): Date {
  const day = localDate(new Date(now.getTime() - random.int(0, days - 1) * DAY));
  const at = new Date(new Date(`${day}T09:00:00+08:00`).getTime() + random.int(0, 9 * 60 - 1) * 60_000);
  // today's working hours may not have come yet: the day before, same time
  return at < now ? at : new Date(at.getTime() - DAY);
}
