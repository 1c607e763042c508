import { registerEnumType } from 'type-graphql';

export enum UserStatus {
  active = 'active',
  inactive = 'inactive',
}
registerEnumType(UserStatus, { name: 'UserStatus' });

/** APP is the collector app: a 24 h access token and (later) device rules. */
export enum LoginChannel {
  WEB = 'WEB',
  APP = 'APP',
}
registerEnumType(LoginChannel, { name: 'LoginChannel' });
