import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Collection, type Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { MySqlDriver } from '@mikro-orm/mysql';
import Decimal from 'decimal.js';
import {
  createDatabaseIfMissing,
  createMigrations,
  createOrm,
  DecimalType,
  ensureSchema,
  forkForTenant,
  type Orm,
  SqlCounter,
  TenantScopedEntity,
} from '../src/db';
import { eventEntities } from '../src/events';

@Entity()
class Invoice extends TenantScopedEntity {
  @Property() number!: string;
  @Property({ type: new DecimalType({ precision: 12, scale: 2 }) }) total: Decimal & Opt = new Decimal(0);
  @OneToMany(() => InvoiceLine, (l) => l.invoice) lines = new Collection<InvoiceLine>(this);
}

@Entity()
class InvoiceLine extends TenantScopedEntity {
  @Property() label!: string;
  @ManyToOne(() => Invoice) invoice!: Invoice;
}

// The outbox tables bring JSON and nullable columns, which the MySQL driver on MariaDB kept diffing forever.
const entities = [Invoice, InvoiceLine, ...eventEntities];
const serverUrl = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test');
/**
 * The server every project machine and CI runs is MariaDB: schema round trips are checked with its own driver,
 * whichever scheme DATABASE_URL uses (the rest of the file follows DATABASE_URL).
 */
const mariadbServerUrl = serverUrl.toString().replace(/^mysql:/, 'mariadb:');
const suffix = Math.random().toString(36).slice(2, 8);

function databaseUrl(name: string, server = serverUrl.toString()): string {
  const url = new URL(server);
  url.pathname = `/kit_db_int_${name}_${suffix}`;
  return url.toString();
}

/** Opens (creating if needed) a scratch database and drops it after the test. */
const opened: Orm[] = [];
async function openOrm(name: string, extra: Partial<Parameters<typeof createOrm>[0]> = {}): Promise<Orm> {
  const orm = await createOrm({ entities, databaseUrl: databaseUrl(name), ...extra });
  opened.push(orm);
  return orm;
}
afterEach(async () => {
  for (const orm of opened.splice(0)) {
    if (orm.driver instanceof MySqlDriver) await orm.schema.dropDatabase();
    await orm.close();
  }
});

async function databaseExists(orm: Orm, name: string): Promise<boolean> {
  const rows = await orm.em.getConnection().execute('select schema_name from information_schema.schemata where schema_name = ?', [name]);
  return rows.length === 1;
}

test('createDatabaseIfMissing creates the database once, then is a no-op', async () => {
  const url = databaseUrl('create');
  await createDatabaseIfMissing(url);
  await createDatabaseIfMissing(url);
  const orm = await openOrm('create');
  expect(await databaseExists(orm, new URL(url).pathname.slice(1))).toBe(true);
});

test('the URL scheme picks the driver: mariadb:// → MariaDB, mysql:// → MySQL', async () => {
  const mariadb = await openOrm('driver', { databaseUrl: databaseUrl('driver', mariadbServerUrl) });
  expect(mariadb.driver).toBeInstanceOf(MariaDbDriver);
  const mysql = await createOrm({ entities, databaseUrl: databaseUrl('driver').replace(/^mariadb:/, 'mysql:') });
  try {
    expect(mysql.driver).toBeInstanceOf(MySqlDriver);
    expect(mysql.driver).not.toBeInstanceOf(MariaDbDriver);
  } finally {
    await mysql.close();
  }
});

test('ensureSchema without migrations creates the database, twice on MariaDB without error or diff', async () => {
  const orm = await openOrm('safe', { databaseUrl: databaseUrl('safe', mariadbServerUrl) });
  await ensureSchema(orm);
  await ensureSchema(orm);
  expect(await orm.schema.getUpdateSchemaSQL()).toBe('');
});

describe('with migrations', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kit-migrations-'));
    // Generated migrations import @mikro-orm/migrations; let them resolve it from the scratch folder.
    symlinkSync(resolve(__dirname, '../../node_modules'), join(dir, 'node_modules'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('createMigrations writes one migration per dialect, then nothing once in sync', async () => {
    const files = await createMigrations({ entities, path: dir, mysqlUrl: mariadbServerUrl });
    expect(files.map((f) => f.slice(dir.length + 1).split('/')[0]).sort()).toEqual(['libsql', 'mysql']);
    expect(await createMigrations({ entities, path: dir, mysqlUrl: mariadbServerUrl })).toEqual([]);
  });

  test.each([
    ['MariaDB', () => openOrm('migrated', { databaseUrl: databaseUrl('migrated', mariadbServerUrl), migrations: { path: dir } })],
    ['libSQL', async () => {
      const orm = await createOrm({ entities, migrations: { path: dir } });
      opened.push(orm);
      return orm;
    }],
  ])('ensureSchema applies them on %s, twice, leaving no diff', async (_, open) => {
    const orm = await open();
    await ensureSchema(orm);
    await ensureSchema(orm);
    expect((await orm.migrator.getExecuted()).length).toBe(1);
    expect(await orm.schema.getUpdateSchemaSQL()).toBe('');
  });

  // With a mysql:// URL this runs the MariaDB-written `mysql` migrations through the MySQL driver.
  test('the same migrations apply through DATABASE_URL’s driver', async () => {
    const orm = await openOrm('migrated_env', { migrations: { path: dir } });
    await ensureSchema(orm);
    await ensureSchema(orm);
    expect((await orm.migrator.getExecuted()).length).toBe(1);
  });
});

describe('on MariaDB', () => {
  const A = 1;
  const B = 2;
  const counter = new SqlCounter();
  let orm: Orm;
  beforeEach(async () => {
    orm = await openOrm('behaviour', { sqlCounter: counter });
    await ensureSchema(orm);
  });

  test('the tenant filter hides other tenants from find, count and populate', async () => {
    const platform = forkForTenant(orm.em, null);
    const invoice = platform.create(Invoice, { tenantId: A, number: 'A-1' });
    platform.create(InvoiceLine, { tenantId: A, label: 'mine', invoice });
    platform.create(InvoiceLine, { tenantId: B, label: 'theirs', invoice });
    platform.create(Invoice, { tenantId: B, number: 'B-1' });
    await platform.flush();

    const em = forkForTenant(orm.em, A);
    expect(await em.count(Invoice)).toBe(1);
    expect(await em.findOne(Invoice, { number: 'B-1' })).toBeNull();
    const loaded = await em.findOneOrFail(Invoice, invoice.id, { populate: ['lines'] });
    expect(loaded.lines.getItems().map((l) => l.label)).toEqual(['mine']);
  });

  test("decimals round-trip exactly: '0.1' + '0.2' = '0.3', '10.00' = 10, no spurious updates", async () => {
    const em = forkForTenant(orm.em, A);
    const sum = em.create(Invoice, { tenantId: A, number: 's', total: new Decimal('0.1').plus('0.2') });
    const whole = em.create(Invoice, { tenantId: A, number: 'w', total: new Decimal(10) });
    await em.flush();

    const reader = forkForTenant(orm.em, A);
    expect((await reader.findOneOrFail(Invoice, sum.id)).total.toString()).toBe('0.3');
    const [raw] = await reader.getConnection().execute('select total from invoice where id = ?', [whole.id]);
    expect(String(raw.total)).toBe('10.00');
    expect((await reader.findOneOrFail(Invoice, whole.id)).total.eq(10)).toBe(true);
    counter.reset();
    await reader.flush();
    expect(counter.count).toBe(0);
  });

  // Guards the millisecond precision everywhere and the UTC conversion on machines not running in UTC.
  test('timestamps are stored in UTC with milliseconds', async () => {
    const em = forkForTenant(orm.em, A);
    const invoice = em.create(Invoice, { tenantId: A, number: 't' });
    invoice.createdAt = new Date('2024-03-31T01:30:00.123Z');
    await em.flush();
    const [raw] = await em.getConnection().execute(
      "select date_format(created_at, '%Y-%m-%d %H:%i:%s.%f') as at from invoice where id = ?",
      [invoice.id],
    );
    expect(raw.at).toBe('2024-03-31 01:30:00.123000');
    const reread = await forkForTenant(orm.em, A).findOneOrFail(Invoice, invoice.id);
    expect(reread.createdAt.toISOString()).toBe('2024-03-31T01:30:00.123Z');
  });
});
