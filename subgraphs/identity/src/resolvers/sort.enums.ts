import { registerEnumType } from 'type-graphql';

export enum UserSortField {
  createdAt = 'createdAt',
  fullName = 'fullName',
  username = 'username',
}
registerEnumType(UserSortField, { name: 'UserSortField' });

export enum SortOrder {
  asc = 'asc',
  desc = 'desc',
}
registerEnumType(SortOrder, { name: 'SortOrder' });
