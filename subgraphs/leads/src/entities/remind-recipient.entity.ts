import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ObjectType } from 'type-graphql';

/** Who receives the overdue reminders of a tenant (002 `remind_email_list`): every level goes to every address. */
@ObjectType()
@Entity({ tableName: 'remind_email' })
@Unique({ properties: ['tenantId', 'email'] })
export class RemindRecipient extends TenantScopedEntity {
  @Property({ type: 'integer', nullable: false })
  override tenantId!: number;

  @Field()
  @Property({ type: 'string', length: 200 })
  email!: string;
}
