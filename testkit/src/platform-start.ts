/**
 * The hook timeout of a test that starts whole platforms (every subgraph migrated and seeded, router, adapter).
 * One takes ~6 s on a loaded 2-core machine, over jest's 5 s default; two on MariaDB + Redis several times that.
 * Generous on purpose: a hook that runs long slows a run down, one that times out fails every test after it.
 */
export const PLATFORM_START_MS = 120_000;
