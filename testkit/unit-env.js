// Unit tests run in-process on SQLite and in-memory buses, whatever the shell exports:
// only the integration project talks to the MariaDB and Redis named by DATABASE_URL / REDIS_URL.
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
