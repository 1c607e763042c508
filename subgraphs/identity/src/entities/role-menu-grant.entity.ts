import { ArrayType } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Menu } from './menu.entity';
import { Role } from './role.entity';

/** Actions a role may take on a menu: action `create` on menu `employees` is the code `employees:create`. */
@Unique({ properties: ['roleId', 'menuId'] })
@Entity()
export class RoleMenuGrant extends TenantScopedEntity {
  @ManyToOne(() => Role, { mapToPk: true, fieldName: 'role_id', deleteRule: 'cascade' })
  roleId!: number;

  @ManyToOne(() => Menu, { mapToPk: true, fieldName: 'menu_id', deleteRule: 'cascade' })
  menuId!: number;

  // A text list, not JSON: MariaDB's JSON check constraint trips the ORM's schema diff on every restart.
  @Property({ type: ArrayType })
  actions!: string[];
}
