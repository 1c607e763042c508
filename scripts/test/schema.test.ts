import { readRegistry } from '@platform/kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaFiles } from '../src/schema';

// Production routers boot from the committed supergraph: it must be exactly what the code composes.
describe('schema/', () => {
  it('holds the current subgraph SDLs and supergraph (run `npm run schema` after changing a subgraph)', async () => {
    const files = await schemaFiles();
    // One SDL per registered subgraph, then the composition and the trusted documents.
    const expected = [...readRegistry().map((entry) => `${entry.name}.graphql`), 'supergraph.graphql', 'trusted-documents.json'];
    expect(Object.keys(files).sort()).toEqual(expected.sort());
    for (const [file, content] of Object.entries(files)) {
      const committed = readFileSync(path.resolve(__dirname, '../../schema', file), 'utf8');
      expect({ file, content: committed }).toEqual({ file, content });
    }
  });
});
