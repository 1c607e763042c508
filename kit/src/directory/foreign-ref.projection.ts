import type { EntityManager } from '@mikro-orm/core';
import type { BusEvent, EventConsumer } from '../events';
import { ForeignRef } from './foreign-ref.entity';
import type { ForeignRefSource } from './foreign-ref.source';

/**
 * The consumer that keeps a subgraph's `foreign_ref` rows in step with the owners' events; list it in the
 * subgraph's `consumers` (with `directoryEntities` in its entities). Handled once per event id by the kit, and
 * order-safe: an event older than the row's last one changes nothing, so redeliveries and reordering are harmless.
 */
export function foreignRefConsumer(sources: readonly ForeignRefSource[]): EventConsumer {
  const byTopic = new Map<string, { source: ForeignRefSource; present: boolean }>();
  for (const source of sources) {
    for (const topic of source.present) byTopic.set(topic, { source, present: true });
    for (const topic of source.gone) byTopic.set(topic, { source, present: false });
  }
  return {
    name: 'foreign-refs',
    topics: [...byTopic.keys()],
    async handle(event, em) {
      const match = byTopic.get(event.topic);
      if (match) await apply(em, event, match.source, match.present);
    },
  };
}

async function apply(em: EntityManager, event: BusEvent, source: ForeignRefSource, present: boolean): Promise<void> {
  const refId = source.idOf ? source.idOf(event) : event.aggregateId;
  if (!refId) return;
  const asOf = new Date(event.occurredAt);
  const row = await em.findOne(ForeignRef, { entity: source.entity, refId });
  if (!row) {
    em.create(ForeignRef, { entity: source.entity, refId, tenantId: event.tenantId, present, asOf });
  } else if (row.asOf.getTime() <= asOf.getTime()) {
    Object.assign(row, { tenantId: event.tenantId ?? row.tenantId, present, asOf });
  }
  await em.flush();
}
