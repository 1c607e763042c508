import { z } from 'zod';
import { ConfigError, loadCliSettings } from '../src';

const schema = z.object({
  batchSize: z.coerce.number().int().min(1).default(10),
  setupOnly: z.enum(['true', 'false']).default('false'),
  name: z.string().default('x'),
});
const ENV = { batchSize: 'BENCH_BATCH_SIZE', setupOnly: 'BENCH_SETUP_ONLY', name: 'BENCH_NAME' };
const load = (argv: string[], env: NodeJS.ProcessEnv = {}) => loadCliSettings('bench:test', schema, ENV, argv, env);

describe('loadCliSettings', () => {
  it('takes the environment, then flags over it; an empty variable is unset; a bare flag is true', () => {
    expect(load([])).toEqual({ batchSize: 10, setupOnly: 'false', name: 'x' });
    expect(load([], { BENCH_BATCH_SIZE: '5', BENCH_NAME: '' })).toEqual({ batchSize: 5, setupOnly: 'false', name: 'x' });
    expect(load(['--batch-size=7', '--setup-only'], { BENCH_BATCH_SIZE: '5' })).toEqual({ batchSize: 7, setupOnly: 'true', name: 'x' });
    expect(load(['--batchSize=8'])).toMatchObject({ batchSize: 8 });
  });

  it('refuses an unknown flag, listing the known ones, and a bad value naming its variable and flag', () => {
    expect(() => load(['--nope=1'])).toThrow(ConfigError);
    expect(() => load(['--nope=1'])).toThrow(/unknown argument --nope=1; flags: --batch-size=… --setup-only=… --name=…/);
    expect(() => load(['positional'])).toThrow(/unknown argument positional/);
    expect(() => load(['--batch-size=0'], { BENCH_SETUP_ONLY: 'maybe' })).toThrow(/BENCH_BATCH_SIZE \(--batch-size\)[\s\S]*BENCH_SETUP_ONLY \(--setup-only\)/);
  });
});
