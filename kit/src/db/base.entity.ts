import { randomBytes } from 'node:crypto';
import { DateTimeType, type Dictionary, type EntityManager, type FilterQuery, type Opt } from '@mikro-orm/core';
import { Filter, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Ids are made in JS so an entity has its id before the flush (events and DataLoader keys need it).
 * UUID v7 rather than v4: time-ordered keys keep InnoDB's clustered primary index append-only. Within one process
 * ids are strictly increasing (a counter fills rand_a inside a millisecond), so ordering by id is creation order.
 */
let lastMs = 0;
let sequence = 0;

export function uuidv7(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs++; // 4096 ids in one millisecond: borrow the next one, as RFC 9562 allows
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export abstract class BaseEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string & Opt = uuidv7();

  // Millisecond precision: MariaDB's plain `datetime` would drop it and make read-back values differ.
  // The DateTimeType class, not the string 'datetime': with the string, libSQL rows look dirty on every flush.
  @Property({ type: DateTimeType, length: 3 })
  createdAt: Date & Opt = new Date();

  @Property({ type: DateTimeType, length: 3, onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

export const TENANT_FILTER = 'tenant';

export interface TenantFilterParams {
  /** `null` is the platform scope: every tenant's rows. */
  tenantId: string | null;
}

function tenantCondition({ tenantId }: Dictionary): FilterQuery<TenantScopedEntity> {
  // Fail closed: forgetting to pick a scope must not read across tenants.
  if (tenantId === undefined) throw new Error(`Filter '${TENANT_FILTER}' needs { tenantId } (null = platform scope)`);
  return tenantId === null ? {} : { tenantId };
}

/** Every query on a subclass is scoped to the tenant set with `forkForTenant`; without one it throws. */
@Filter({ name: TENANT_FILTER, default: true, cond: tenantCondition })
export abstract class TenantScopedEntity extends BaseEntity {
  @Index()
  @Property({ type: 'string', length: 36 })
  tenantId!: string;
}

/** A fresh EntityManager scoped to one tenant, or to all of them (`null`, platform scope). */
export function forkForTenant<EM extends EntityManager>(em: EM, tenantId: string | null): EM {
  const fork = em.fork();
  fork.setFilterParams(TENANT_FILTER, { tenantId } satisfies TenantFilterParams);
  return fork;
}
