import { eventEntities } from '@platform/kit';
import { ApiCredential } from './api-credential.entity';
import { Menu } from './menu.entity';
import { Position } from './position.entity';
import { RoleMenuGrant } from './role-menu-grant.entity';
import { Role } from './role.entity';
import { Session } from './session.entity';
import { Tenant } from './tenant.entity';
import { UserRole } from './user-role.entity';
import { User } from './user.entity';

export * from './enums';
export { ApiCredential, Menu, Position, Role, RoleMenuGrant, Session, Tenant, User, UserRole };

/** Identity's tables plus the kit's outbox, written in the same transactions (user.created). */
export const IDENTITY_ENTITIES = [
  Tenant, User, Role, UserRole, Position, Menu, RoleMenuGrant, Session, ApiCredential, ...eventEntities,
];
