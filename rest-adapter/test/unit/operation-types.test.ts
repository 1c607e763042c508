import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_FILE, operationFamilies, operationTypeFiles } from '../../codegen/operation-types';

const ROOT = join(__dirname, '../../..');

// Routes are typed by operations.generated.ts; the .graphql files and the supergraph are the source.
describe('operations.generated.ts', () => {
  it('holds what `npm run codegen` generates from the .graphql files and the committed supergraph (run it after changing either)', async () => {
    const files = await operationTypeFiles(ROOT);
    expect(Object.keys(files).length).toBeGreaterThan(0);
    for (const [file, content] of Object.entries(files)) {
      const committed = existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : '(missing)';
      expect({ file, content: committed }).toEqual({ file, content });
    }
  });

  it('exists only beside an operations/ folder (no stale file of a family without operations)', () => {
    const dir = join(ROOT, 'rest-adapter/src/families');
    const withFile = readdirSync(dir).filter((family) => existsSync(join(dir, family, GENERATED_FILE)));
    expect(withFile.sort()).toEqual(operationFamilies(ROOT));
  });
});
