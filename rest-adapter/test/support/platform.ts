import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { composeSupergraph, dropDatabases, PLATFORM_START_MS, uniqueDatabaseUrl } from '@platform/testkit';
import { startPlatform, type Platform } from '@platform/scripts';
import { createAdapter, type Adapter, type AdapterOptions } from '../../src';
import { assertPayloadsDocumented, recordPayloadProblems } from './payload-check';
import { silentLogger } from './silent-logger';

export interface TestPlatform {
  platform: Platform;
  adapter: Adapter;
  /** Composed from the running subgraphs' SDL (not the committed file), so drift in either shows. */
  liveSupergraphSdl(): string;
  close(): Promise<void>;
}

/**
 * The embedded platform (identity + activity + router + adapter), fresh per call: SQLite :memory: in the unit
 * project; in the integration project (DATABASE_URL / REDIS_URL set) databases of its own on MariaDB and Redis,
 * so the same contract tests run on both. With `adapterOptions` the tests talk to a second adapter over the
 * same router, built with those options (e.g. higher rate limits). Every answer is checked against the
 * route's `response` schema (see payload-check.ts); `call` and the end of each test report a mismatch.
 */
export async function startTestPlatform(adapterOptions?: Partial<AdapterOptions>, extraEnv: Record<string, string> = {}): Promise<TestPlatform> {
  const databaseUrl = process.env.DATABASE_URL ? uniqueDatabaseUrl('contract') : undefined;
  const platform = await startPlatform({
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL,
      RATE_LIMIT_PREFIX: `contract-${randomBytes(4).toString('hex')}`,
      EVENT_BUS_PREFIX: `contract-${randomBytes(4).toString('hex')}:`,
      EXPORT_QUEUE_PREFIX: `contract-exports-${randomBytes(4).toString('hex')}`,
      ...extraEnv,
    },
    logger: silentLogger,
    adapter: { checkPayload: recordPayloadProblems },
  });
  const custom = adapterOptions
    ? await createAdapter({
        executor: platform.router.executor,
        logger: silentLogger,
        production: false,
        checkPayload: recordPayloadProblems,
        ...adapterOptions,
      })
    : undefined;
  return {
    platform,
    adapter: custom ?? platform.adapter,
    liveSupergraphSdl: () => composeSupergraph(platform.subgraphs.map((s) => ({ name: s.name, sdl: s.sdl }))),
    async close() {
      await custom?.close();
      await platform.close();
      if (databaseUrl) await dropDatabases(databaseUrl);
    },
  };
}

export interface FileTestPlatform extends Omit<TestPlatform, 'close'> {
  /** The adapter's Fastify app, for `call`. */
  readonly app: FastifyInstance;
}

/**
 * The platform of one test file (or describe block): started before its tests, closed after them; `env` adds
 * settings, read when it starts (after the hooks registered before this call, e.g. a local S3 server's). Call at the top
 * level; read its fields inside tests and hooks, once the platform has started.
 */
export function useTestPlatform(adapterOptions?: Partial<AdapterOptions>, env?: () => Record<string, string>): FileTestPlatform {
  let started: TestPlatform | undefined;
  // Starting every subgraph takes seconds on a loaded machine: more than jest's default 5 s for a hook.
  beforeAll(async () => {
    started = await startTestPlatform(adapterOptions, env?.());
  }, PLATFORM_START_MS);
  afterAll(() => started?.close());
  afterEach(assertPayloadsDocumented);
  const running = (): TestPlatform => {
    if (!started) throw new Error('the test platform starts in beforeAll');
    return started;
  };
  return {
    get platform() {
      return running().platform;
    },
    get adapter() {
      return running().adapter;
    },
    get app() {
      return running().adapter.app;
    },
    liveSupergraphSdl: () => running().liveSupergraphSdl(),
  };
}
