import { catchUpCases } from './notification-catch-up.cases';

describe('notificationReceived(after:) through the router (embedded, SQLite)', () => {
  catchUpCases(() => ({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ROUTER_PORT: '0', ADAPTER_PORT: '0' }));
});
