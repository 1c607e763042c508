import { Decimal } from '@platform/kit';
import { CollectionCase, Collector } from '@platform/collections';
import type { CollectionsClient } from './harness';

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
