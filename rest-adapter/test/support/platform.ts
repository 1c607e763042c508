import { composeSupergraph } from '@platform/testkit';
import { startPlatform, type Platform } from '@platform/scripts';
import { createAdapter, type Adapter, type AdapterOptions } from '../../src';
import { silentLogger } from './silent-logger';

export interface TestPlatform {
  platform: Platform;
  adapter: Adapter;
  /** Composed from the running subgraphs' SDL (not the committed file), so drift in either shows. */
  liveSupergraphSdl(): string;
  close(): Promise<void>;
}

/**
 * The embedded platform (identity + activity + router + adapter, SQLite :memory:), fresh per call. With
 * `adapterOptions` the tests talk to a second adapter over the same router, built with those options
 * (e.g. higher rate limits).
 */
export async function startTestPlatform(adapterOptions?: Partial<AdapterOptions>): Promise<TestPlatform> {
  const platform = await startPlatform({
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:' },
    logger: silentLogger,
  });
  const custom = adapterOptions
    ? await createAdapter({ executor: platform.router.executor, logger: silentLogger, production: false, ...adapterOptions })
    : undefined;
  return {
    platform,
    adapter: custom ?? platform.adapter,
    liveSupergraphSdl: () => composeSupergraph(platform.subgraphs.map((s) => ({ name: s.name, sdl: s.sdl }))),
    async close() {
      await custom?.close();
      await platform.close();
    },
  };
}
