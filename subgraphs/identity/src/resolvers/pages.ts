import { PageType } from '@platform/kit';
import { Position, Role, Tenant, User } from '../entities';

export const UserPage = PageType(User);
export const PositionPage = PageType(Position);
export const RolePage = PageType(Role);
export const TenantPage = PageType(Tenant);
