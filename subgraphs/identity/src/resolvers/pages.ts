import { PageType } from '@platform/kit';
import { Position, Role, Tenant, User } from '../entities';
import { UserSummary } from './user-summary.type';

export const UserPage = PageType(User);
export const PositionPage = PageType(Position);
export const RolePage = PageType(Role);
export const TenantPage = PageType(Tenant);
export const UserSummaryPage = PageType(UserSummary);
