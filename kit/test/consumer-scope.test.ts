import { randomUUID } from 'node:crypto';
import { createOrm, createPubSub, ensureSchema, eventEntities, handleOnce, type BusEvent, type EventConsumer, type Orm } from '../src';

/** A consumer's after-commit tasks (live notices) run once its transaction commits, never after a rollback. */
let orm: Orm;
beforeEach(async () => {
  orm = await createOrm({ entities: [...eventEntities] });
  await ensureSchema(orm);
});
afterEach(() => orm.close());

const event = (): BusEvent => ({ id: randomUUID(), topic: 't', payload: {}, tenantId: null, aggregateId: null, occurredAt: new Date().toISOString() });

test('tasks run after the commit, get the PubSub, and not again on a redelivery', async () => {
  const pubSub = createPubSub();
  const ran: string[] = [];
  const consumer: EventConsumer = {
    name: 'live',
    topics: ['t'],
    handle(_event, _em, scope) {
      expect(scope.pubSub).toBe(pubSub);
      scope.afterCommit(() => Promise.resolve(void ran.push('published')));
      ran.push('handled');
      return Promise.resolve();
    },
  };
  const once = event();
  expect(await handleOnce(orm.em, consumer, once, { pubSub })).toBe(true);
  expect(await handleOnce(orm.em, consumer, once, { pubSub })).toBe(false);
  expect(ran).toEqual(['handled', 'published']);
  await pubSub.close();
});

test('a handler that fails after asking for a task: the task never runs; a failing task is only logged', async () => {
  const ran: string[] = [];
  const failing: EventConsumer = {
    name: 'failing',
    topics: ['t'],
    handle(_event, _em, scope) {
      scope.afterCommit(() => Promise.resolve(void ran.push('published')));
      return Promise.reject(new Error('boom'));
    },
  };
  await expect(handleOnce(orm.em, failing, event())).rejects.toThrow('boom');
  expect(ran).toEqual([]);

  const warnings: unknown[] = [];
  const logger = { warn: (o: unknown) => void warnings.push(o) } as never;
  const flaky: EventConsumer = {
    name: 'flaky',
    topics: ['t'],
    handle(_event, _em, scope) {
      scope.afterCommit(() => Promise.reject(new Error('pubsub down')));
      return Promise.resolve();
    },
  };
  expect(await handleOnce(orm.em, flaky, event(), { logger })).toBe(true);
  expect(warnings).toHaveLength(1);
});
