import { Collection, type Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import Decimal from 'decimal.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createOrm,
  DecimalType,
  ensureSchema,
  executeSql,
  forkForTenant,
  type Orm,
  SqlCounter,
  TenantScopedEntity,
  TenantScopedUuidEntity,
  uuidv7,
} from '../src/db';

@Entity()
class Project extends TenantScopedEntity {
  @Property() name!: string;
  @Property({ type: new DecimalType({ precision: 12, scale: 2 }) }) budget: Decimal & Opt = new Decimal(0);
  @OneToMany(() => Task, (t) => t.project) tasks = new Collection<Task>(this);
}

@Entity()
class Task extends TenantScopedEntity {
  @Property() title!: string;
  @ManyToOne(() => Project) project!: Project;
}

/** A UUID-keyed domain (001 sales) scoped by the same filter. */
@Entity()
class Quote extends TenantScopedUuidEntity {
  @Property() title!: string;
}

// Tenant ids as identity issues them: integers, carried as strings of digits in the caller.
const A = 1;
const B = 2;
let orm: Orm;
const counter = new SqlCounter();

beforeEach(async () => {
  orm = await createOrm({ entities: [Project, Task, Quote], sqlCounter: counter });
  await ensureSchema(orm);
});
afterEach(() => orm.close());

/** Project "A1" with tasks "a" (tenant A) and "b" (tenant B, as a bug or a forged FK would leave it). */
async function seedCrossTenantRows() {
  const em = forkForTenant(orm.em, null);
  const project = em.create(Project, { tenantId: A, name: 'A1' });
  em.create(Task, { tenantId: A, title: 'a', project });
  em.create(Task, { tenantId: B, title: 'b', project });
  em.create(Project, { tenantId: B, name: 'B1' });
  await em.flush();
  return project.id;
}

describe('tenant filter', () => {
  test('find, findOne and count see only the scoped tenant', async () => {
    await seedCrossTenantRows();
    const em = forkForTenant(orm.em, A);
    expect((await em.find(Project, {})).map((p) => p.name)).toEqual(['A1']);
    expect(await em.findOne(Project, { name: 'B1' })).toBeNull();
    expect(await em.count(Task)).toBe(1);
    expect(await forkForTenant(orm.em, B).count(Project)).toBe(1);
  });

  test('platform scope (null) sees every tenant', async () => {
    await seedCrossTenantRows();
    expect(await forkForTenant(orm.em, null).count(Task)).toBe(2);
  });

  test('populate and lazy collection loading apply the filter', async () => {
    const id = await seedCrossTenantRows();
    const populated = await forkForTenant(orm.em, A).findOneOrFail(Project, id, { populate: ['tasks'] });
    expect(populated.tasks.getItems().map((t) => t.title)).toEqual(['a']);

    const em = forkForTenant(orm.em, A);
    const lazy = await em.findOneOrFail(Project, id);
    await lazy.tasks.init();
    expect(lazy.tasks.getItems().map((t) => t.title)).toEqual(['a']);
    await em.populate(lazy, ['tasks'], { refresh: true });
    expect(lazy.tasks.getItems().map((t) => t.title)).toEqual(['a']);
  });

  test('a many-to-one into another tenant does not load that tenant’s row', async () => {
    const em = forkForTenant(orm.em, null);
    const foreign = em.create(Project, { tenantId: B, name: 'B1' });
    em.create(Task, { tenantId: A, title: 'forged', project: foreign });
    await em.flush();
    const tasks = await forkForTenant(orm.em, A).find(Task, {}, { populate: ['project'] });
    expect(tasks.map((t) => t.project?.name)).not.toContain('B1');
  });

  test('an EntityManager without a tenant scope refuses to query', async () => {
    await expect(orm.em.fork().find(Project, {})).rejects.toThrow(/tenant/);
  });

  test('the scope may be the caller’s string of digits; anything else is refused', async () => {
    await seedCrossTenantRows();
    expect(await forkForTenant(orm.em, String(A)).count(Task)).toBe(1);
    await expect(forkForTenant(orm.em, 'tenant-a').count(Task)).rejects.toThrow(/not a tenant id/);
    await expect(forkForTenant(orm.em, '0').count(Task)).rejects.toThrow(/not a tenant id/);
  });

  test('platform rows (no tenant) are seen in the platform scope only', async () => {
    const em = forkForTenant(orm.em, null);
    em.create(Project, { tenantId: null, name: 'platform' });
    em.create(Project, { tenantId: A, name: 'A1' });
    await em.flush();
    expect((await forkForTenant(orm.em, A).find(Project, {})).map((p) => p.name)).toEqual(['A1']);
    expect(await forkForTenant(orm.em, null).count(Project)).toBe(2);
  });

  test('UUID-keyed entities carry the same filter', async () => {
    const em = forkForTenant(orm.em, null);
    em.create(Quote, { tenantId: A, title: 'mine' });
    em.create(Quote, { tenantId: B, title: 'theirs' });
    await em.flush();
    expect((await forkForTenant(orm.em, A).find(Quote, {})).map((q) => q.title)).toEqual(['mine']);
    await expect(orm.em.fork().find(Quote, {})).rejects.toThrow(/tenant/);
  });
});

describe('base entity', () => {
  test('ids made in one process sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The random tails too (drawn from a pool refilled every 512 ids): none repeats.
    expect(new Set(ids.map((id) => id.slice(19))).size).toBe(ids.length);
  });

  test('UuidEntity ids are UUID v7 made before the flush', () => {
    const quote = forkForTenant(orm.em, A).create(Quote, { tenantId: A, title: 'q' });
    expect(quote.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('BaseEntity ids are auto-increment integers given by the insert, in creation order', async () => {
    const em = forkForTenant(orm.em, A);
    const first = em.create(Project, { tenantId: A, name: 'first' });
    const second = em.create(Project, { tenantId: A, name: 'second' });
    expect(first.id).toBeUndefined();
    await em.flush();
    expect(Number.isSafeInteger(first.id)).toBe(true);
    expect(second.id).toBeGreaterThan(first.id);
  });

  test('timestamps are set and updatedAt moves', async () => {
    const em = forkForTenant(orm.em, A);
    const project = em.create(Project, { tenantId: A, name: 'p' });
    await em.flush();
    const created = project.updatedAt.getTime();
    await new Promise((r) => setTimeout(r, 5));
    project.name = 'q';
    await em.flush();
    const reread = await forkForTenant(orm.em, A).findOneOrFail(Project, project.id);
    expect(reread.createdAt.getTime()).toBe(project.createdAt.getTime());
    expect(reread.updatedAt.getTime()).toBeGreaterThan(created);
  });
});

describe('DecimalType', () => {
  async function roundTrip(budget: Decimal) {
    const em = forkForTenant(orm.em, A);
    const project = em.create(Project, { tenantId: A, name: 'p', budget });
    await em.flush();
    return (await forkForTenant(orm.em, A).findOneOrFail(Project, project.id)).budget;
  }

  test("'0.1' + '0.2' is stored and read back as exactly '0.3'", async () => {
    const budget = await roundTrip(new Decimal('0.1').plus('0.2'));
    expect(budget).toBeInstanceOf(Decimal);
    expect(budget.toString()).toBe('0.3');
    expect(budget.toFixed(2)).toBe('0.30');
  });

  test('whole numbers read back equal, whatever the driver’s text form', async () => {
    expect((await roundTrip(new Decimal(10))).toFixed(2)).toBe('10.00');
  });

  test('refuses values the column would round or overflow', async () => {
    await expect(roundTrip(new Decimal('0.125'))).rejects.toThrow(/decimal places/);
    await expect(roundTrip(new Decimal('1e10'))).rejects.toThrow(/does not fit/);
  });

  test('loading and flushing unchanged decimals writes nothing', async () => {
    const em = forkForTenant(orm.em, A);
    em.create(Project, { tenantId: A, name: 'p', budget: new Decimal('12.50') });
    await em.flush();
    const reader = forkForTenant(orm.em, A);
    await reader.find(Project, {});
    counter.reset();
    await reader.flush();
    expect(counter.statements).toEqual([]);
  });
});

describe('SqlCounter', () => {
  test('counts each statement without printing it', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const stdout = jest.spyOn(process.stdout, 'write');
    try {
      const em = forkForTenant(orm.em, A);
      counter.reset();
      await em.find(Project, {});
      await em.count(Task);
      expect(counter.count).toBe(2);
      expect(counter.statements[0]).toMatch(/^select .* from `project`/);
      counter.reset();
      expect(counter.count).toBe(0);
      expect(log).not.toHaveBeenCalled();
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      stdout.mockRestore();
    }
  });
});

describe('ensureSchema', () => {
  test('is idempotent and leaves nothing to update', async () => {
    await ensureSchema(orm);
    await ensureSchema(orm);
    expect(await orm.schema.getUpdateSchemaSQL()).toBe('');
  });
});

describe('SQLite files', () => {
  const pragmasOf = async (file: string, sqliteSynchronous?: 'normal' | 'full') => {
    const fileOrm = await createOrm({ entities: [Project, Task, Quote], databaseUrl: `file:${file}`, sqliteSynchronous });
    try {
      await ensureSchema(fileOrm);
      const em = forkForTenant(fileOrm.em, A);
      em.create(Project, { tenantId: A, name: 'kept' });
      await em.flush();
      const [journal] = await executeSql<Array<{ journal_mode: string }>>(em, 'pragma journal_mode');
      const [sync] = await executeSql<Array<{ synchronous: number }>>(em, 'pragma synchronous');
      return { journal: journal.journal_mode, synchronous: sync.synchronous };
    } finally {
      await fileOrm.close();
    }
  };

  test('run in WAL mode, syncing the disk at checkpoints (normal) unless every commit is asked to (full)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-wal-'));
    try {
      // SQLite's codes: 1 = NORMAL, 2 = FULL.
      expect(await pragmasOf(join(dir, 'a.db'))).toEqual({ journal: 'wal', synchronous: 1 });
      expect(await pragmasOf(join(dir, 'b.db'), 'full')).toEqual({ journal: 'wal', synchronous: 2 });
      // What was committed is there for the next process.
      const again = await createOrm({ entities: [Project, Task, Quote], databaseUrl: `file:${join(dir, 'a.db')}` });
      try {
        expect(await forkForTenant(again.em, A).count(Project, { name: 'kept' })).toBe(1);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
