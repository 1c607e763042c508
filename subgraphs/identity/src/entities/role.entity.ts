import { ArrayType, type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity, type DataScope } from '@platform/kit';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A named set of permission codes; the tenant's own (tenantId null only for the platform SuperAdmin role). */
@Directive('@key(fields: "id")')
@ObjectType()
@Unique({ properties: ['tenantId', 'code'] })
@Entity()
export class Role extends TenantScopedEntity {
  @Field({ description: 'e.g. admin, SuperAdmin, TenantAdmin, sales, service, user, collector, developer' })
  @Property({ length: 64 })
  code!: string;

  @Field()
  @Property({ length: 128 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** Codes given directly (createRole/updateRole); menu grants add theirs on top. */
  // A text list, not JSON: MariaDB's JSON check constraint trips the ORM's schema diff on every restart.
  @Property({ type: ArrayType })
  directPermissions: string[] & Opt = [];

  /** How far its holders' reads reach; the widest of a user's roles wins. */
  @Field(() => String, { description: 'Data scope of its holders: platform, tenant, agency, team_group, team or own.' })
  @Property({ type: 'string', length: 16 })
  dataScope: DataScope & Opt = 'tenant';

  /** Base roles other subgraphs and the seed rely on; they cannot be deleted. */
  @Field(() => Boolean)
  @Property()
  isSystem: boolean & Opt = false;
}
