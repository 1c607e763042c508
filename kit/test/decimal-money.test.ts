import Decimal from 'decimal.js';
import { createOrm, ensureSchema, type Orm } from '../src/db';
import { LedgerLine, storeAndReload, TWENTY_DIGIT_AMOUNTS } from './fixtures/money-round-trip';

let orm: Orm;
beforeEach(async () => {
  orm = await createOrm({ entities: [LedgerLine] });
  await ensureSchema(orm);
});
afterEach(() => orm.close());

describe('DecimalType on libSQL (the embedded database)', () => {
  test.each(TWENTY_DIGIT_AMOUNTS)('20 significant digits round-trip exactly: $amount4', async (amounts) => {
    expect(await storeAndReload(orm, amounts)).toMatchObject(amounts);
  });

  test('20-digit amounts were rounded by a REAL column: they are stored as text now', async () => {
    const { id } = await storeAndReload(orm, TWENTY_DIGIT_AMOUNTS[0]);
    const [row] = await orm.em.getConnection().execute<{ kind: string; amount4: unknown }[]>(
      'select typeof(amount4) as kind, amount4 from ledger_line where id = ?',
      [id],
    );
    expect(row).toEqual({ kind: 'text', amount4: '1234567890123456.7891' });
  });

  test('an equality filter finds an amount however it was written (10, 10.0, "10.00")', async () => {
    const em = orm.em.fork();
    em.create(LedgerLine, { amount2: new Decimal('10.00'), amount3: new Decimal(1), amount4: new Decimal(1) });
    await em.flush();
    for (const written of [10, '10.0', '10.00', new Decimal('1e1')]) {
      expect(await orm.em.fork().count(LedgerLine, { amount2: new Decimal(written) })).toBe(1);
    }
  });

  test('a null amount stays null, and reloading then flushing writes nothing', async () => {
    const { id } = await storeAndReload(orm, TWENTY_DIGIT_AMOUNTS[1]);
    const em = orm.em.fork();
    const line = await em.findOneOrFail(LedgerLine, id);
    expect(line.refund).toBeNull();
    em.getUnitOfWork().computeChangeSets();
    expect(em.getUnitOfWork().getChangeSets()).toEqual([]);
  });
});
