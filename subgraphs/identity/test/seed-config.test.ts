import { ConfigError, forkForTenant } from '@platform/kit';
import { identity, loadIdentityConfig, seedIdentity, Menu, Role, Tenant, User } from '../src';
import { errorOf, LOGIN, startIdentity } from './support/harness';

const PRODUCTION = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'a-production-secret-that-is-long-enough-0123456789',
  CREDENTIALS_KEY: 'a-production-credentials-key-long-enough-0123456789',
};

describe('seed', () => {
  it('creates DEMO, the base roles and menus and the three base accounts, and is idempotent', async () => {
    const h = await startIdentity();
    try {
      const em = forkForTenant(h.runtime.orm.em, null);
      const counts = async () => [await em.count(Tenant), await em.count(User), await em.count(Role), await em.count(Menu)];
      const first = await counts();
      expect(first).toEqual([1, 3, 10, 6]);
      await seedIdentity(forkForTenant(h.runtime.orm.em, null), h.runtime.services.config);
      expect(await counts()).toEqual(first);
      for (const [login, password] of [['superadmin', '123456'], ['tenantadmin', 'admin123'], ['admin', 'Admin123456'], ['admin@example.com', 'Admin123456']]) {
        expect((await h.login(login, password)).accessToken).toEqual(expect.any(String));
      }
    } finally {
      await h.close();
    }
  });

  it('does not bring back a base account that was deleted', async () => {
    const h = await startIdentity();
    try {
      const superToken = (await h.login('superadmin', '123456')).accessToken;
      const tenantAdmin = (await h.data(`{ users(filter: { search: "tenantadmin" }) { items { id } } }`, {}, superToken)).users.items[0];
      await h.data(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: tenantAdmin.id }, superToken);
      await seedIdentity(forkForTenant(h.runtime.orm.em, null), h.runtime.services.config);
      expect(errorOf(await h.exec(LOGIN, { input: { login: 'tenantadmin', password: 'admin123' } })).code).toBe('INVALID_CREDENTIALS');
    } finally {
      await h.close();
    }
  });

  it('in production seeds no documented password, only the configured first super admin', async () => {
    const bare = await identity.start(loadIdentityConfig(PRODUCTION));
    try {
      expect(await forkForTenant(bare.orm.em, null).count(User, {}, { filters: false })).toBe(0);
    } finally {
      await bare.close();
    }
    const config = loadIdentityConfig({ ...PRODUCTION, BOOTSTRAP_ADMIN_USERNAME: 'root', BOOTSTRAP_ADMIN_PASSWORD: 'a-strong-first-password' });
    const runtime = await identity.start(config);
    try {
      const users = await forkForTenant(runtime.orm.em, null).find(User, {});
      expect(users.map((u) => [u.username, u.tenantId])).toEqual([['root', null]]);
      expect(await forkForTenant(runtime.orm.em, null).count(Tenant)).toBe(0);
    } finally {
      await runtime.close();
    }
  });
});

describe('schema', () => {
  it('the committed migrations build exactly the entities’ schema (run `npm run migrations -- identity` after an entity change)', async () => {
    const h = await startIdentity();
    try {
      expect(await h.runtime.orm.schema.getUpdateSchemaSQL()).toBe('');
    } finally {
      await h.close();
    }
  });
});

describe('config', () => {
  it('defaults PORT to 4001 and accepts the development defaults outside production', () => {
    const config = loadIdentityConfig({});
    expect(config.PORT).toBe(4001);
    expect(String(config.CREDENTIALS_KEY)).toBe('[redacted]');
  });

  it('refuses to start in production with development secrets or a documented password', () => {
    expect(() => loadIdentityConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadIdentityConfig({ ...PRODUCTION, CREDENTIALS_KEY: undefined as never })).toThrow(/CREDENTIALS_KEY/);
    expect(() => loadIdentityConfig({ ...PRODUCTION, BOOTSTRAP_ADMIN_USERNAME: 'root', BOOTSTRAP_ADMIN_PASSWORD: 'Admin123456' })).toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD/,
    );
  });
});
