import { Decimal } from '@platform/kit';
import { CollectionCase, Collector, Queue, Team } from '@platform/collections';
import type { CollectionsClient, OrgFixture } from './harness';

let seq = 0;

/** `n` open, unassigned cases of tenant 1 (or as `over` says), written straight into collections' table. */
export async function makeCases(client: CollectionsClient, n: number, over: Partial<CollectionCase> = {}): Promise<CollectionCase[]> {
  const em = client.em(null);
  const rows = Array.from({ length: n }, () => {
    seq++;
    return em.create(CollectionCase, {
      tenantId: 1,
      caseCode: `CASE_T${seq}`,
      customerId: `U${seq}`,
      userName: '李小红',
      mobile: '+639170000011',
      loanAmount: new Decimal(5000),
      dueDate: '2025-10-01',
      outstandingAmount: new Decimal(5000),
      overdueDays: 15,
      ...over,
    });
  });
  await em.flush();
  return rows;
}

/** A case and a collector as they are now in the database. */
export const caseRow = (client: CollectionsClient, id: number) => client.em(null).findOneOrFail(CollectionCase, { id });
export const collectorRow = (client: CollectionsClient, id: number) => client.em(null).findOneOrFail(Collector, { id });

/** Sets collectors' columns (capacity, status, specialties, counts) straight in the table. */
export async function setCollectors(client: CollectionsClient, changes: Array<[Collector, Partial<Collector>]>): Promise<void> {
  const em = client.em(null);
  for (const [collector, change] of changes) await em.nativeUpdate(Collector, { id: collector.id }, change);
}

let teams = 0;

export interface TeamSpec {
  name: string;
  current?: number;
  max?: number;
  specialties?: string[];
  status?: Collector['status'];
  isActive?: boolean;
  position?: Collector['position'];
}

/**
 * A fresh team of agency A1 (group G1), its queue and its staff, so each auto-assign test starts from known counts.
 * Collectors come back in `specs` order (ids ascending).
 */
export async function makeTeam(client: CollectionsClient, org: OrgFixture, specs: TeamSpec[], queueName?: string) {
  const em = client.em(null);
  const n = ++teams;
  const queue = em.create(Queue, { tenantId: 1, queueCode: `AQ${n}`, queueName: queueName ?? `自动分案队列${n}`, overdueDaysStart: 1, overdueDaysEnd: 30 });
  const team = em.create(Team, { tenantId: 1, agencyId: org.agencies.A1.id, teamGroupId: org.groups.G1.id, teamCode: `AT${n}`, teamName: `分案组${n}`, maxCaseCount: 5000 });
  await em.flush();
  const collectors = specs.map((s, i) =>
    em.create(Collector, {
      tenantId: 1,
      userId: String(1000 + n * 10 + i),
      agencyId: org.agencies.A1.id,
      teamId: team.id,
      teamGroupId: org.groups.G1.id,
      collectorCode: `AT${n}_${i}`,
      collectorName: s.name,
      position: s.position ?? 'collector',
      maxCaseCount: s.max ?? 150,
      currentCaseCount: s.current ?? 0,
      specialties: s.specialties ?? [],
      status: s.status ?? 'active',
      isActive: s.isActive ?? true,
    }),
  );
  await em.flush();
  return { team, queue, collectors };
}
