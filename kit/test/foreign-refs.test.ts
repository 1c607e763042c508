import { randomUUID } from 'node:crypto';
import type { Caller } from '../src/auth';
import { createOrm, ensureSchema, forkForTenant, type Orm } from '../src/db';
import { checkForeignRef, directoryEntities, foreignRefConsumer, USER_REFS } from '../src/directory';
import { type BusEvent, type Consumers, eventEntities, InProcessBus, startConsumers } from '../src/events';

let orm: Orm;
let bus: InProcessBus;
let consumers: Consumers;
beforeEach(async () => {
  orm = await createOrm({ entities: [...eventEntities, ...directoryEntities] });
  await ensureSchema(orm);
  bus = new InProcessBus({ retryDelayMs: 5, onError: () => undefined });
  consumers = await startConsumers({ subgraph: 'test', em: orm.em, bus, consumers: [foreignRefConsumer([USER_REFS])] });
});
afterEach(async () => {
  await consumers.close();
  await bus.close();
  await orm.close();
});

const event = (topic: string, userId: string, tenantId: string | null, at = new Date()): BusEvent => ({
  id: randomUUID(),
  topic,
  tenantId,
  aggregateId: userId,
  payload: {},
  occurredAt: at.toISOString(),
});
const caller = (tenantId: string | null, scope: Caller['scope'] = 'tenant'): Caller =>
  ({ userId: '1', username: 'x', tenantId, scope, permissions: [], roles: [], sessionId: 's' });
const check = (as: Caller, id: string, tenantId?: string) =>
  checkForeignRef({ em: forkForTenant(orm.em, as.tenantId), caller: as }, 'User', id, { tenantId });

test("a reference is accepted in its own tenant, and answers NOT_FOUND from another tenant's caller", async () => {
  await bus.publish([event('user.created', '7', '1')]);
  await bus.drain();
  await expect(check(caller('1'), '7')).resolves.toEqual({ entity: 'User', id: '7', tenantId: '1' });
  await expect(check(caller('2'), '7')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(check(caller('1'), '8')).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

test('the platform admin reaches every tenant, narrowed to one when it names it', async () => {
  await bus.publish([event('user.created', '7', '1')]);
  await bus.drain();
  const platform = caller(null, 'platform');
  await expect(check(platform, '7')).resolves.toMatchObject({ tenantId: '1' });
  await expect(check(platform, '7', '2')).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

test('a stale event delivered after a newer one changes nothing (a deleted user stays deleted)', async () => {
  const created = event('user.created', '7', '1', new Date(Date.now() - 60_000));
  await bus.publish([event('user.deleted', '7', '1'), created]);
  await bus.drain();
  await expect(check(caller('1'), '7')).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

test('a group that subscribes late still receives what a bus with history published before', async () => {
  const late = new InProcessBus({ history: 10 });
  try {
    await late.publish([event('user.created', '9', '1')]);
    const seen: BusEvent[] = [];
    await late.subscribe('late', ['user.created'], async (e) => void seen.push(e));
    await late.drain();
    expect(seen.map((e) => e.aggregateId)).toEqual(['9']);
  } finally {
    await late.close();
  }
});
