import type { Dictionary, Opt } from '@mikro-orm/core';
import { Filter, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { TENANT_FILTER } from '@platform/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Identity keeps integer auto-increment keys (the contract exposes them as ID strings of digits), so it has its own
 * base rather than the kit's UUID one; the tenant filter keeps the kit's name so `forkForTenant` drives it.
 */
// Decorated only so subclasses inherit the fields; unreachable from any resolver, it is not in the schema.
@ObjectType()
export abstract class IntEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number & Opt;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** `tenantId` travels as a string in the caller (JWT claims); the column is an integer. */
function tenantCondition({ tenantId }: Dictionary) {
  // Fail closed: a query without a chosen scope must not read across tenants.
  if (tenantId === undefined) throw new Error(`Filter '${TENANT_FILTER}' needs { tenantId } (null = platform scope)`);
  return tenantId === null ? {} : { tenantId: Number(tenantId) };
}

/** Rows owned by a tenant; `tenantId` is null only for platform rows (the super admin and their role). */
@Filter({ name: TENANT_FILTER, default: true, cond: tenantCondition })
@ObjectType()
export abstract class TenantOwnedEntity extends IntEntity {
  @Property({ type: 'integer', nullable: true, index: true })
  tenantId: number | null = null;
}

export const SOFT_DELETE_FILTER = 'notDeleted';
