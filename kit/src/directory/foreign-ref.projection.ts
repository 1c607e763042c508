import type { EntityManager } from '@mikro-orm/core';
import { BACKGROUND_WORK } from '../db/sql-counter';
import { runIdempotent, type BusEvent, type EventBus, type Unsubscribe } from '../events';
import { ForeignRef } from './foreign-ref.entity';
import type { ForeignRefSource } from './foreign-ref.source';

export interface ForeignRefProjectionOptions {
  /** The root EntityManager of the consuming subgraph; forked per event. */
  em: EntityManager;
  bus: EventBus;
  /** The consumer group, one per consuming subgraph (e.g. `activity.foreign-refs`). */
  group: string;
  sources: ForeignRefSource[];
}

/**
 * Keeps the consuming subgraph's `foreign_ref` rows in step with the owners' events. Idempotent per event id and
 * order-safe: an event older than the row's last one changes nothing, so redeliveries and reordering are harmless.
 */
export async function projectForeignRefs(opts: ForeignRefProjectionOptions): Promise<Unsubscribe> {
  const byTopic = new Map<string, { source: ForeignRefSource; present: boolean }>();
  for (const source of opts.sources) {
    for (const topic of source.present) byTopic.set(topic, { source, present: true });
    for (const topic of source.gone) byTopic.set(topic, { source, present: false });
  }
  return opts.bus.subscribe(opts.group, [...byTopic.keys()], async (event) => {
    const match = byTopic.get(event.topic);
    if (!match) return;
    const em = opts.em.fork({ loggerContext: BACKGROUND_WORK });
    await runIdempotent(em, opts.group, event, (tx) => apply(tx, event, match.source, match.present));
  });
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
