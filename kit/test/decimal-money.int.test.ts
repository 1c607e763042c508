import { randomBytes } from 'node:crypto';
import { createOrm, ensureSchema, type Orm } from '../src/db';
import { LedgerLine, storeAndReload, TWENTY_DIGIT_AMOUNTS } from './fixtures/money-round-trip';

const dbUrl = new URL(process.env.DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/test');
dbUrl.pathname = `/kit_money_int_${randomBytes(3).toString('hex')}`;

let orm: Orm;
beforeAll(async () => {
  orm = await createOrm({ entities: [LedgerLine], databaseUrl: dbUrl.toString() });
  await ensureSchema(orm);
});
afterAll(async () => {
  await orm.schema.dropDatabase();
  await orm.close();
});

describe('DecimalType on MariaDB', () => {
  test.each(TWENTY_DIGIT_AMOUNTS)('20 significant digits round-trip exactly: $amount4', async (amounts) => {
    expect(await storeAndReload(orm, amounts)).toMatchObject(amounts);
  });

  test('the columns are DECIMAL(20, scale), exact in SQL too', async () => {
    const { id } = await storeAndReload(orm, TWENTY_DIGIT_AMOUNTS[0]);
    const [row] = await orm.em.getConnection().execute<{ doubled: string }[]>(
      'select cast(amount4 * 2 as char) as doubled from ledger_line where id = ?',
      [id],
    );
    expect(row.doubled).toBe('2469135780246913.5782');
  });
});
