import { Filter, Property } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity';
import { tenantFilter } from './tenant.filter';
import { UuidEntity } from './uuid.entity';

/**
 * The owning tenant: identity's integer tenant id. Nullable because identity keeps platform rows (the super admin,
 * their role) outside every tenant: such rows are seen only in the platform scope. A domain whose rows always
 * belong to a tenant narrows it in its entity:
 * `@Property({ type: 'integer', index: true, nullable: false }) override tenantId!: number`.
 * Not a GraphQL field here: an entity exposes it (or a `tenant` reference) itself.
 */
const tenantIdColumn = { type: 'integer', nullable: true, index: true } as const;

/** Rows of one tenant, integer keys: every query is scoped to the tenant set with `forkForTenant`; without one it throws. */
@Filter(tenantFilter)
@ObjectType()
export abstract class TenantScopedEntity extends BaseEntity {
  @Property(tenantIdColumn)
  tenantId: number | null = null;
}

/** TenantScopedEntity for UUID-keyed domains. */
@Filter(tenantFilter)
@ObjectType()
export abstract class TenantScopedUuidEntity extends UuidEntity {
  @Property(tenantIdColumn)
  tenantId: number | null = null;
}
