import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/**
 * A server URL (`mariadb://` or `mysql://`, the scheme kept) with a database name of its own for one test file
 * (`<prefix>_<random>`), from DATABASE_URL (the integration project's default points at the local MariaDB).
 * Drop it with `dropDatabases`.
 */
export function uniqueDatabaseUrl(prefix: string, base = process.env.DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/test'): string {
  const url = new URL(base);
  url.pathname = `/${prefix}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

/** Drops every database whose name starts with the URL's database name (subgraph databases included). */
export async function dropDatabases(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.replace(/^\//, '');
  url.pathname = '/';
  // mysql2 speaks to both servers; it only knows the mysql scheme.
  const conn = await createConnection(url.toString().replace(/^mariadb:/, 'mysql:'));
  try {
    const [rows] = await conn.query('SHOW DATABASES');
    for (const row of rows as { Database: string }[]) {
      if (row.Database === name || row.Database.startsWith(`${name}_`)) {
        await conn.query(`DROP DATABASE \`${row.Database}\``);
      }
    }
  } finally {
    await conn.end();
  }
}
