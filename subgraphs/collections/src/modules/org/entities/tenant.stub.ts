import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * identity owns tenants; collections' answers name their tenant so the router can answer the tenant's zone, in which
 * the REST contracts render times (an assignment's assignedAt, an agency's or collector's createdAt).
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Tenant')
export class TenantStub {
  @Field(() => ID)
  id!: string;
}
