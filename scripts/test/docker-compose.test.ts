import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { databaseOf, readRegistry, SERVICE_NODE_FLAGS } from '@platform/kit';
import { loadSubgraph } from '@platform/scripts';
import { adapterConfigSchema } from '@platform/rest-adapter';
import { routerConfigSchema } from '@platform/router';

// docker-compose.yml cannot be started on the build machines; this keeps it honest instead.
const root = path.resolve(__dirname, '../..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
interface Service {
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string;
  depends_on?: Record<string, unknown>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const registry = readRegistry();
const subgraphNames = registry.map((entry) => entry.name);

/** What each application container's code reads from its environment. */
const READS: Record<string, z.ZodObject> = {
  ...Object.fromEntries(registry.map((entry) => [entry.name, loadSubgraph(entry).definition.config as unknown as z.ZodObject])),
  router: routerConfigSchema,
  adapter: adapterConfigSchema,
};
const keysRead = (service: string) => Object.keys(READS[service].shape);

const envExampleValues = Object.fromEntries(
  readFileSync(path.join(root, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
const envExample = Object.keys(envExampleValues);

describe('docker-compose.yml', () => {
  it('has MySQL, Redis, one container per registered subgraph, the router and the adapter, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...subgraphNames, 'adapter', 'mysql', 'redis', 'router'].sort());
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, healthcheck: Array.isArray(service.healthcheck?.test) }).toEqual({ name, healthcheck: true });
    }
  });

  it('names only services that exist in depends_on', () => {
    for (const service of Object.values(compose.services)) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(Object.keys(compose.services)).toContain(dependency);
      }
    }
  });

  it('passes each application container only variables its configuration reads', () => {
    for (const name of Object.keys(READS)) {
      const service = compose.services[name];
      for (const variable of Object.keys(service.environment ?? {})) {
        expect({ name, variable, read: keysRead(name).includes(variable) }).toEqual({ name, variable, read: true });
      }
    }
  });

  it('lists in .env.example only variables some container reads', () => {
    const readSomewhere = new Set([...Object.keys(READS).flatMap(keysRead), 'MYSQL_ROOT_PASSWORD']);
    for (const variable of envExample) expect({ variable, read: readSomewhere.has(variable) }).toEqual({ variable, read: true });
  });

  it('starts entry points that exist, and configurations that validate with the example values', () => {
    for (const name of Object.keys(READS)) {
      const service = compose.services[name];
      const entry = service.command?.at(-1) ?? '';
      expect(existsSync(path.join(root, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
      const env = {
        ...envExampleValues,
        // The secrets .env.example leaves for the operator to fill in:
        JWT_SECRET: 'x'.repeat(48),
        CREDENTIALS_KEY: 'y'.repeat(48),
        BOOTSTRAP_ADMIN_USERNAME: 'root',
        BOOTSTRAP_ADMIN_PASSWORD: 'a-long-unique-password',
        PAYMENT_CALLBACK_SECRET: 'z'.repeat(32),
        ...service.environment,
      };
      const parsed = READS[name].safeParse(env);
      expect({ name, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ name, issues: [] });
    }
  });

  it('gives identity (login, refresh, register, partner_push, partner_query) and the adapter (normal, upload, export) one RATE_LIMITS from .env', () => {
    expect(envExampleValues.RATE_LIMITS).toBe(
      'login:5/60,register:20/3600,refresh:30/60,normal:100/60,upload:10/60,export:5/3600,partner_push:1000/3600,partner_query:100/60',
    );
    for (const name of ['identity', 'adapter']) {
      const service = compose.services[name];
      expect({ name, envFile: service.env_file, reads: keysRead(name).includes('RATE_LIMITS') }).toEqual({ name, envFile: '.env', reads: true });
      expect({ name, overrides: Object.keys(service.environment ?? {}).filter((v) => v.startsWith('RATE_LIMIT')) }).toEqual({ name, overrides: [] });
    }
    const limits = (name: string) => (READS[name].parse({ ...envExampleValues, JWT_SECRET: 'x'.repeat(48), CREDENTIALS_KEY: 'y'.repeat(48), BOOTSTRAP_ADMIN_PASSWORD: 'a-long-unique-password' }) as { RATE_LIMITS: unknown }).RATE_LIMITS;
    expect(limits('identity')).toEqual(limits('adapter'));
    expect(Object.values(READS).some((schema) => 'AUTH_RATE_LIMITS' in schema.shape)).toBe(false);
  });

  it('creates every database a subgraph container connects to, from the registry the MySQL container mounts', () => {
    const mysql = compose.services.mysql;
    expect(mysql.volumes).toEqual(
      expect.arrayContaining([
        './docker/mysql-init.sh:/docker-entrypoint-initdb.d/01-databases.sh:ro',
        './subgraphs/registry.json:/etc/platform/registry.json:ro',
      ]),
    );
    const sql = execFileSync('bash', [path.join(root, 'docker/mysql-init.sh')], {
      env: { PATH: process.env.PATH, PLATFORM_REGISTRY: path.join(root, 'subgraphs/registry.json') },
      encoding: 'utf8',
    });
    for (const entry of registry) {
      const url = new URL(compose.services[entry.name].environment!.DATABASE_URL.replace('${MYSQL_ROOT_PASSWORD}', 'pw'));
      expect(url.pathname.slice(1)).toBe(databaseOf(entry));
      expect(sql).toContain(`CREATE DATABASE IF NOT EXISTS \`${databaseOf(entry)}\` `);
    }
  });

  it('runs every application container, the image and each `npm run start*` with the services\' V8 flags', () => {
    // `node <flags> <entry>`: the flags are what lies between.
    const flagsOf = (argv: string[]) => (argv[0] === 'node' ? argv.slice(1, -1) : ['not node:', ...argv]);
    for (const name of Object.keys(READS)) expect({ name, flags: flagsOf(compose.services[name].command ?? []) }).toEqual({ name, flags: SERVICE_NODE_FLAGS });
    const image = JSON.parse(/^CMD (.+)$/m.exec(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))![1]) as string[];
    expect(flagsOf(image)).toEqual(SERVICE_NODE_FLAGS);
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const starts = Object.entries(scripts).filter(([name]) => name === 'start' || name.startsWith('start:'));
    expect(starts.length).toBe(Object.keys(READS).length + 1);
    for (const [name, line] of starts) {
      const command = line.split('&&').at(-1)!.trim().split(/\s+/);
      expect({ name, flags: flagsOf(command) }).toEqual({ name, flags: SERVICE_NODE_FLAGS });
    }
  });

  it('serves each subgraph container on its registered port', () => {
    for (const entry of registry) expect({ name: entry.name, port: compose.services[entry.name].environment!.PORT }).toEqual({ name: entry.name, port: String(entry.port) });
  });

  it('points the router at every subgraph of the committed supergraph', () => {
    const supergraph = readFileSync(path.join(root, 'schema/supergraph.graphql'), 'utf8');
    const graphs = [...supergraph.matchAll(/@join__graph\(name: "(\w+)"/g)].map((m) => m[1]).sort();
    const urls = compose.services.router.environment!.SUBGRAPH_URLS.split(',').map((e) => e.split('=')[0]).sort();
    expect(urls).toEqual(graphs);
  });
});
