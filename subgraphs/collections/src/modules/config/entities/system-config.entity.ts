import { JsonType } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { ObjectType } from 'type-graphql';

/**
 * A tenant's collections settings, one row per tenant and key (CCO admin § 13, partner § 7.2 business rules): e.g.
 * `penalty_cap_rate`, `auto_assign_strategy`, `idle_threshold_minutes`. The config module validates keys and values.
 */
@ObjectType()
@Entity({ tableName: 'system_config' })
@Unique({ properties: ['tenantId', 'configKey'] })
export class SystemConfig extends TenantScopedEntity {
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Property({ type: 'string', length: 100 })
  configKey!: string;

  @Property({ type: JsonType })
  configValue!: unknown;
}
