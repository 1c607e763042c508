// Integration tests default to the MariaDB and Redis every project machine runs.
process.env.DATABASE_URL = process.env.DATABASE_URL || 'mariadb://root@127.0.0.1:3306/test';
process.env.REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
