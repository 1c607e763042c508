import { createOrm, ensureSchema, eventEntities, InProcessBus, type Orm } from '../src';
import { describeDeadLetters } from './fixtures/dead-letter.suite';
import { Purse } from './fixtures/purses-subgraph';

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
