/** The shapes the identity operations select (only what the mappers read; times arrive as ISO strings). */
export interface GqlRef {
  id: string;
  name: string;
}

export interface GqlRole extends GqlRef {
  code: string;
  description?: string | null;
  permissions?: string[];
  userCount?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface GqlPosition extends GqlRef {
  code?: string;
  description?: string | null;
  level?: number;
  department?: string | null;
  parentId?: string | null;
  parent?: (GqlRef & { fullPath?: string }) | null;
  children?: GqlRef[];
  employees?: Array<{ id: string; fullName: string | null; username: string }>;
  employeeCount?: number;
  childrenCount?: number;
  fullPath?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface GqlTenant {
  id: string;
  code: string;
  name: string;
  nameEn?: string | null;
  countryCode?: string | null;
  timezone?: number | null;
  zone: string;
  currencyCode?: string | null;
  isActive?: boolean;
  createdAt?: string;
  updatedAt?: string;
}

export interface GqlUser {
  id: string;
  username: string;
  email?: string | null;
  fullName?: string | null;
  nickname?: string | null;
  status?: 'active' | 'inactive';
  permissions?: string[];
  position?: GqlPosition | null;
  role?: GqlRole | null;
  tenant?: GqlTenant | null;
  lastLoginAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface GqlPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export interface GqlAuthPayload {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
  user: GqlUser;
}

export interface GqlMenu {
  id: string;
  name: string;
  code: string;
  path: string | null;
  icon: string | null;
  parentId: string | null;
  sortOrder: number;
  permission: string | null;
  isVisible: boolean;
  createdAt: string;
  updatedAt: string;
}
