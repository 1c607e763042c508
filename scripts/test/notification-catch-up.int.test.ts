import { randomBytes } from 'node:crypto';
import { dropDatabases, uniqueDatabaseUrl } from '@platform/testkit';
import { catchUpCases } from './notification-catch-up.cases';

describe('notificationReceived(after:) through the router on MariaDB + Redis', () => {
  const databaseUrl = uniqueDatabaseUrl('catch_up_int');
  catchUpCases(
    () => ({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL,
      EVENT_BUS_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
      ROUTER_PORT: '0',
      ADAPTER_PORT: '0',
    }),
    () => dropDatabases(databaseUrl),
  );
});
