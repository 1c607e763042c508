import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import { forkForTenant, InProcessBus, OutboxEvent, type BusEvent } from '@platform/kit';
import { Menu, Role, RoleMenuGrant, Tenant, User } from '../../src';
import { CREATE_USER, SUPER_ADMIN, unique } from './fixtures';
import { errorOf, startIdentity, type Harness } from './harness';

/** Fails the flush that writes the armed entity: a fault after the mutation's first writes, as a crash would. */
class FailWhenWriting implements EventSubscriber {
  armed: (abstract new (...args: never[]) => object) | null = null;

  private fail(entity: object): void {
    if (this.armed && entity instanceof this.armed) throw new Error('injected failure after the first writes');
  }

  beforeCreate({ entity }: EventArgs<object>): void {
    this.fail(entity);
  }

  afterCreate({ entity }: EventArgs<object>): void {
    // The outbox row is inserted first, then the failure: its rollback is what is checked.
    if (entity instanceof OutboxEvent) this.fail(entity);
  }
}

const CREATE_TENANT = /* GraphQL */ `mutation($i: TenantInput!) { createTenant(input: $i) { id } }`;

/**
 * One business action commits once: a mutation failing after it has written rows (and recorded its event) leaves
 * nothing stored, no outbox row and nothing on the bus. On the database `database` names.
 */
export function describeMutationRollback(database: 'sqlite' | 'mariadb', env: Record<string, string> = {}) {
  let h: Harness;
  let bus: InProcessBus;
  let published: BusEvent[];
  let superToken: string;
  const failing = new FailWhenWriting();

  beforeAll(async () => {
    bus = new InProcessBus();
    published = [];
    h = await startIdentity(env, { bus }, database);
    h.runtime.orm.em.getEventManager().registerSubscriber(failing);
    superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
    await bus.subscribe('rollback-test', ['user.created'], async (event) => void published.push(event));
  }, 60_000);
  afterEach(() => {
    failing.armed = null;
  });
  afterAll(async () => {
    await h?.close();
    await bus?.close();
  });

  const em = () => forkForTenant(h.runtime.orm.em, null);
  const rows = async () => ({
    tenants: await em().count(Tenant, {}, { filters: false }),
    menus: await em().count(Menu, {}, { filters: false }),
    roles: await em().count(Role, {}, { filters: false }),
    grants: await em().count(RoleMenuGrant, {}, { filters: false }),
    users: await em().count(User, {}, { filters: false }),
  });

  it('createTenant failing in provisioning (tenant, menus and roles already written) stores nothing', async () => {
    const before = await rows();
    failing.armed = RoleMenuGrant;
    const code = unique('T');
    const result = await h.exec(CREATE_TENANT, { i: { code, name: 'Rolled back' } }, superToken);
    expect(errorOf(result).message).toMatch(/injected failure/);
    expect(await rows()).toEqual(before);

    failing.armed = null;
    await h.data(CREATE_TENANT, { i: { code, name: 'Provisioned' } }, superToken);
    expect((await rows()).tenants).toBe(before.tenants + 1);
  });

  it('createUser failing after the account and its user.created event were written leaves no account and no event', async () => {
    await bus.drain();
    const before = await rows();
    const seen = published.length;
    failing.armed = OutboxEvent;
    const username = unique('rb');
    const result = await h.exec(CREATE_USER, { input: { username, password: 'secret123', tenantId: '1' } }, superToken);
    expect(errorOf(result).message).toMatch(/injected failure/);

    expect(await rows()).toEqual(before);
    const outbox = await em().find(OutboxEvent, { topic: 'user.created' });
    expect(outbox.filter((row) => JSON.stringify(row.payload).includes(username))).toEqual([]);
    // Nothing to publish: what the relay would find after a poll is what it finds now.
    await bus.drain();
    expect(published.slice(seen)).toEqual([]);

    failing.armed = null;
    const created = await h.data(CREATE_USER, { input: { username, password: 'secret123', tenantId: '1' } }, superToken);
    await waitFor(() => published.some((event) => event.aggregateId === created.createUser.id));
  });
}

/** Polls `condition` until it holds; fails the test after `ms`. */
async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
