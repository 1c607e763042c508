import { registerEnumType } from 'type-graphql';

/** Which front end a login is for; identity, not the adapter, decides who may use it. */
export enum LoginAudience {
  /** Any active account (004, 001, 002 logins, the collector app). */
  ANY = 'ANY',
  /** The CCO admin console: accounts holding `*` or `admin-console:access` only. */
  ADMIN_CONSOLE = 'ADMIN_CONSOLE',
  /** The CCO collector app: collectors and team leaders only (COLLECTOR_APP_ROLES). */
  COLLECTOR_APP = 'COLLECTOR_APP',
}
registerEnumType(LoginAudience, { name: 'LoginAudience' });
