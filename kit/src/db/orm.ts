import { join } from 'node:path';
import type { Configuration, Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import { defineConfig, MikroORM, type AbstractSqlDriver } from '@mikro-orm/sql';
import { queryLoggerFactory, type SqlCounter } from './sql-counter';

export type Orm = MikroORM<AbstractSqlDriver>;
export type Dialect = 'mysql' | 'libsql';
export type SqliteSynchronous = 'normal' | 'full';

export interface CreateOrmOptions {
  entities: Options['entities'];
  /** `mariadb://` → MariaDB driver, `mysql://` → MySQL driver; `file:…`, `:memory:` or unset → libSQL. */
  databaseUrl?: string;
  /** libSQL database when `databaseUrl` is unset (default `:memory:`). */
  dbNameForSqlite?: string;
  /**
   * libSQL files run in WAL mode; this is how often they reach the disk (SQLite's `synchronous`). `normal` (default):
   * a commit writes the WAL without waiting for the disk — nothing committed is lost when the process crashes,
   * the last commits may be after an OS crash or power loss; `full`: each commit waits for the disk (fsync), several
   * milliseconds on a busy disk, during which the process (libSQL is synchronous) does nothing else.
   */
  sqliteSynchronous?: SqliteSynchronous;
  /** Print queries through `logger` (default off). */
  debug?: boolean;
  logger?: (msg: string) => void;
  sqlCounter?: SqlCounter;
  /**
   * Folder holding one migrations folder per dialect (`mysql/`, `libsql/`): generated SQL is dialect-specific.
   * Pass `join(__dirname, 'migrations')` so the same code finds `.ts` under jest and `.js` after `tsc`.
   * Without it, `ensureSchema` falls back to a safe schema update.
   */
  migrations?: { path: string };
}

/** The migrations folder (and SQL dialect) a URL uses: MariaDB and MySQL share `mysql`, the SQL they both run. */
export function dialectOf(url: string | undefined): Dialect {
  return url && /^(mysql|mariadb):\/\//.test(url) ? 'mysql' : 'libsql';
}

export async function createOrm(opts: CreateOrmOptions): Promise<Orm> {
  const dialect = dialectOf(opts.databaseUrl);
  const config = defineConfig({
    ...connectionOptions(dialect, opts),
    entities: opts.entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: migrationOptions(dialect, opts),
    debug: opts.debug ? ['query', 'query-params', 'info'] : false,
    logger: opts.logger ?? ((msg) => console.log(msg)),
    // Always: it also times each request's statements (DbTimer).
    loggerFactory: opts.sqlCounter?.loggerFactory() ?? queryLoggerFactory(),
    // Timestamps are written and read as UTC whatever the server or container time zone.
    timezone: '+00:00',
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
  });
  const orm = (await MikroORM.init(config)) as Orm;
  if (opts.migrations) withMigrations.add(orm);
  return orm;
}

/** ORMs built with a migrations folder: for them `ensureSchema` migrates rather than diffs. */
const withMigrations = new WeakSet<Orm>();

interface ConnectionOptions {
  driver: new (config: Configuration) => AbstractSqlDriver;
  clientUrl?: string;
  dbName?: string;
  onCreateConnection?: (connection: unknown) => Promise<void>;
}

/** What the libSQL dialect hands `onCreateConnection`: its one connection. */
interface LibSqlRawConnection {
  executeQuery(query: { sql: string; parameters: readonly unknown[] }): Promise<unknown>;
}

function connectionOptions(dialect: Dialect, opts: CreateOrmOptions): ConnectionOptions {
  const url = opts.databaseUrl;
  if (dialect === 'mysql') {
    // MariaDB needs its own driver for schema work: the MySQL driver misreads MariaDB's JSON columns (LONGTEXT with a
    // json_valid CHECK) and string defaults, so its diff never settles (a bogus migration on every run).
    return { driver: url!.startsWith('mariadb:') ? MariaDbDriver : MySqlDriver, clientUrl: url };
  }
  const dbName = url ? url.replace(/^file:(\/\/)?/, '') : (opts.dbNameForSqlite ?? ':memory:');
  if (dbName === ':memory:') return { driver: LibSqlDriver, dbName };
  // The default rollback journal syncs the disk several times per commit (7 ms measured on the project machines,
  // the whole process blocked meanwhile); WAL appends each commit to one log, and readers never wait for a writer.
  const pragmas = ['pragma journal_mode = wal', `pragma synchronous = ${opts.sqliteSynchronous ?? 'normal'}`];
  return {
    driver: LibSqlDriver,
    dbName,
    onCreateConnection: async (connection) => {
      for (const sql of pragmas) await (connection as LibSqlRawConnection).executeQuery({ sql, parameters: [] });
    },
  };
}

function migrationOptions(dialect: Dialect, opts: CreateOrmOptions) {
  return {
    path: opts.migrations ? join(opts.migrations.path, dialect) : undefined,
    // A snapshot file would be named after the database and rewritten on every `up()`, even in production's
    // read-only dist; new migrations are diffed against a scratch database instead (see createMigrations).
    snapshot: false,
    snapshotOnMigrate: false,
    silent: !opts.debug,
  };
}

/**
 * Brings the database up to date at start; idempotent, so every boot runs it. The migrator takes no lock: let one
 * process migrate (e.g. a release step) when several replicas start together.
 * With migrations: creates the database if missing and applies pending migrations.
 * Without (tests, prototypes): the schema generator's safe update, which adds tables and columns but never drops.
 */
export async function ensureSchema(orm: Orm): Promise<void> {
  if (orm.driver instanceof MySqlDriver) await orm.schema.ensureDatabase();
  if (withMigrations.has(orm)) await orm.migrator.up();
  else await orm.schema.update({ safe: true });
}

/** Creates the database a `mariadb://host/name` or `mysql://host/name` URL names, if it does not exist yet. */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  if (dialectOf(url) !== 'mysql') throw new Error(`createDatabaseIfMissing needs a mariadb:// or mysql:// URL, got ${url}`);
  const orm = await createOrm({ entities: [], databaseUrl: url });
  try {
    await orm.schema.ensureDatabase();
  } finally {
    await orm.close();
  }
}

export interface CreateMigrationsOptions {
  entities: Options['entities'];
  /** The same folder passed to `createOrm({ migrations: { path } })`, in the source tree. */
  path: string;
  /**
   * The server to diff against (a scratch database is made and dropped), e.g. mariadb://root@127.0.0.1:3306.
   * Its driver writes the `mysql` migrations: keep them to SQL that MariaDB and MySQL both run.
   */
  mysqlUrl: string;
  name?: string;
}

/**
 * Writes the next migration for each dialect: the diff between the entities and a scratch database migrated to the
 * latest existing migration. Returns the files written (none when the schema is already up to date).
 */
export async function createMigrations(opts: CreateMigrationsOptions): Promise<string[]> {
  const scratchUrl = new URL(opts.mysqlUrl);
  scratchUrl.pathname = `/migrations_scratch_${Date.now()}`;
  const scratch = scratchUrl.toString();
  const written: string[] = [];
  for (const databaseUrl of [scratch, ':memory:']) {
    const orm = await createOrm({ entities: opts.entities, databaseUrl, migrations: { path: opts.path } });
    try {
      await ensureSchema(orm);
      const { fileName } = await orm.migrator.create(undefined, false, false, opts.name);
      if (fileName) written.push(join(opts.path, dialectOf(databaseUrl), fileName));
    } finally {
      if (databaseUrl === scratch) await orm.schema.dropDatabase();
      await orm.close();
    }
  }
  return written;
}
