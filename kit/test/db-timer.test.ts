import { createOrm, executeSql, timeQueries, type Orm } from '@platform/kit';

// A statement slow enough to measure on SQLite: counting up to 300,000 with a recursive CTE.
const SLOW = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 300000) select count(*) as n from c';

let orm: Orm;
beforeAll(async () => {
  orm = await createOrm({ entities: [] });
});
afterAll(() => orm.close());

it("adds each statement's time to the request's timer, in its transactions and forks too", async () => {
  const em = orm.em.fork();
  const timer = timeQueries(em);
  await executeSql(em, SLOW);
  const once = timer.ms;
  expect(once).toBeGreaterThan(0);
  await em.transactional(async (tx) => {
    await executeSql(tx, SLOW);
  });
  await executeSql(em.fork(), SLOW);
  expect(timer.ms).toBeGreaterThan(once * 2);
});

it("leaves other requests' timers alone", async () => {
  const a = orm.em.fork();
  const b = orm.em.fork();
  const timerA = timeQueries(a);
  const timerB = timeQueries(b);
  await executeSql(a, SLOW);
  expect(timerA.ms).toBeGreaterThan(0);
  expect(timerB.ms).toBe(0);
});
