import { buildSchema } from 'graphql';
import {
  buildFederatedSchema,
  composeSupergraph,
  createOrm,
  DeadLetter,
  deadLetterPermissions,
  deadLetterResolver,
  ensureSchema,
  type EventConsumer,
  eventEntities,
  InProcessBus,
  type Orm,
  OutboxRelay,
} from '../src';
import { describeDeadLetters } from './fixtures/dead-letter.suite';
import { bonusHandler, Purse, startPurses, waitFor } from './fixtures/purses-subgraph';

let orm: Orm;
let bus: InProcessBus;
beforeEach(async () => {
  orm = await createOrm({ entities: [Purse, ...eventEntities] });
  await ensureSchema(orm);
  bus = new InProcessBus({ retryDelayMs: 5, onError: () => undefined });
});
afterEach(async () => {
  await bus.close();
  await orm.close();
});

describe('dead letters, embedded (SQLite, in-process bus)', () => {
  describeDeadLetters(() => ({ orm, bus }));
});

describe('dead letters in a federation', () => {
  const consumerOf = (name: string): EventConsumer => ({ name, topics: ['t'], handle: async () => undefined });
  const ledgerResolver = deadLetterResolver('ledger', [consumerOf('audit')]);
  const mailerResolver = deadLetterResolver('mailer', [consumerOf('audit')]);

  test('two subgraphs serving their dead letters compose: own root fields, one shared DeadLetter type', async () => {
    const subgraphs = await Promise.all(
      (
        [
          ['ledger', ledgerResolver],
          ['mailer', mailerResolver],
        ] as const
      ).map(async ([name, resolver]) => {
        const { sdl } = await buildFederatedSchema({ resolvers: [resolver], permissions: deadLetterPermissions(name) });
        return { name, sdl };
      }),
    );
    const supergraph = buildSchema(composeSupergraph(subgraphs));
    expect(Object.keys(supergraph.getQueryType()!.getFields())).toEqual(['ledgerDeadLetters', 'mailerDeadLetters']);
    expect(Object.keys(supergraph.getMutationType()!.getFields())).toEqual(['replayLedgerDeadLetter', 'replayMailerDeadLetter']);
    expect(supergraph.getType('DeadLetter')).toBeDefined();
  });

  test('a subgraph name that cannot prefix a field is refused at start', () => {
    expect(() => deadLetterPermissions('work-logs')).toThrow(/cannot prefix/);
  });
});

describe('dead letters, when even they cannot be written', () => {
  test('the event stays with the bus and is delivered again until its dead letter is kept', async () => {
    const purses = await startPurses(orm, bus, { maxAttempts: 2, minBackoffMs: 1, maxBackoffMs: 1 });
    const relay = new OutboxRelay({ em: orm.em, bus, pollIntervalMs: 10 });
    relay.start();
    try {
      Object.assign(bonusHandler, { broken: true, calls: 0 });
      await orm.em.getConnection().execute('drop table dead_letter');
      await purses.openPurse('gus');
      await waitFor(() => bonusHandler.calls >= 4); // two rounds of two attempts: the bus delivered it again
      await ensureSchema(orm); // the table is back
      await waitFor(async () => (await orm.em.fork().count(DeadLetter, {})) === 1);
    } finally {
      await relay.stop();
      await purses.close();
    }
  });
});

describe('consumers stopping', () => {
  test('an event in its back-off when the consumers stop is left for a later delivery, not given up on', async () => {
    const purses = await startPurses(orm, bus, { maxAttempts: 3, minBackoffMs: 60_000, maxBackoffMs: 60_000 });
    const relay = new OutboxRelay({ em: orm.em, bus, pollIntervalMs: 10 });
    relay.start();
    Object.assign(bonusHandler, { broken: true, calls: 0 });
    await purses.openPurse('hal');
    await waitFor(() => bonusHandler.calls === 1);
    const started = Date.now();
    await purses.close(); // does not wait out the minute of back-off
    await relay.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await orm.em.fork().count(DeadLetter, {})).toBe(0);
  });
});
