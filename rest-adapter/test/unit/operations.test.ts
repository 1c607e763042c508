import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ROUTES, validateOperations } from '../../src';
import { loadOperation } from '../../src/framework/operations';

const SUPERGRAPH = join(__dirname, '../../../schema/supergraph.graphql');

describe('GraphQL operations of the route tables', () => {
  it('every route runs a document holding exactly one named operation', () => {
    for (const route of ALL_ROUTES) {
      if (route.kind !== 'graphql') continue;
      const op = loadOperation(route.operation);
      expect(op.document).toContain(`${op.name}`);
    }
  });

  it('validate against the committed supergraph (schema/supergraph.graphql)', () => {
    if (!existsSync(SUPERGRAPH)) {
      throw new Error(`${SUPERGRAPH} is missing: run \`npm run schema\` to compose and commit the supergraph`);
    }
    expect(validateOperations(readFileSync(SUPERGRAPH, 'utf8'), ALL_ROUTES)).toEqual([]);
  });

  it('report an operation the supergraph cannot answer', () => {
    const sdl = readFileSync(join(__dirname, 'fixtures/tiny-supergraph.graphql'), 'utf8');
    const problems = validateOperations(sdl, ALL_ROUTES);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toEqual({ operation: expect.any(String), message: expect.any(String) });
  });
});
