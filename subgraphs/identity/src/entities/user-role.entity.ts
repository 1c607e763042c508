import { Entity, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Role } from './role.entity';
import { User } from './user.entity';

/** A user holds a role; the lowest id is the user's primary role. */
@Unique({ properties: ['userId', 'roleId'] })
@Entity()
export class UserRole extends TenantScopedEntity {
  @ManyToOne(() => User, { mapToPk: true, fieldName: 'user_id', deleteRule: 'cascade' })
  userId!: number;

  @ManyToOne(() => Role, { mapToPk: true, fieldName: 'role_id' })
  roleId!: number;
}
