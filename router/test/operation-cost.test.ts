import { buildSchema, Kind, parse, type DocumentNode } from 'graphql';
import { operationCost } from '../src';

const schema = buildSchema(`
  type Query { users(pageSize: Int): UserPage!, user(id: ID!): User, tags: [String!]! }
  type UserPage { total: Int!, items: [User!]! }
  type User { id: ID!, name: String!, friends(first: Int): [User!]! }
`);
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), undefined, variables);

describe('operationCost', () => {
  it('counts one per field outside lists', () => {
    expect(cost('{ user(id: 1) { id name } }')).toBe(3);
  });

  it('multiplies a list by the page size given on the field above it', () => {
    // users(1) + total(1) + items: 50 × (1 + id + name)
    expect(cost('{ users(pageSize: 50) { total items { id name } } }')).toBe(1 + 1 + 50 * 3);
  });

  it('reads page sizes from variables', () => {
    expect(cost('query($n: Int) { users(pageSize: $n) { items { id } } }', { n: 100 })).toBe(1 + 100 * 2);
  });

  it('assumes 10 items for a list without a size', () => {
    expect(cost('{ tags }')).toBe(10);
    expect(cost('{ user(id: 1) { friends { friends(first: 2) { id } } } }')).toBe(1 + 10 * (1 + 2 * 2));
  });

  it('costs fragments at every spread, and __typename like any field', () => {
    const query = '{ a: user(id: 1) { ...F } b: user(id: 2) { ...F } __typename } fragment F on User { id name __typename }';
    expect(cost(query)).toBe(2 * 4 + 1);
  });

  it('counts introspection, its lists included', () => {
    // __schema + types: 10 × (1 + name)
    expect(cost('{ __schema { types { name } } }')).toBe(1 + 10 * 2);
  });

  it('reads a size the document leaves to the argument default', () => {
    const paged = buildSchema('type Query { users(pageSize: Int = 200): [ID!]! }');
    expect(operationCost(paged, parse('{ users }'), undefined, {})).toBe(200);
  });

  it('costs each fragment once, so fragments that fan out exponentially cannot make the estimate slow', () => {
    // Each fragment spreads the next one twice: walked once per spread, the estimate would take 2^levels steps.
    const levels = 20;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on User { id }` : `fragment F${i} on User { a: friends(first: 1) { ...F${i + 1} } b: friends(first: 1) { ...F${i + 1} } }`,
    ).join('\n');
    const document = parse(`{ user(id: 1) { ...F0 } } ${fragments}`);
    const walks = countSelectionReads(document);
    expect(operationCost(schema, document, undefined)).toBeGreaterThan(2 ** 19);
    expect(walks.total()).toBeLessThanOrEqual(levels);
  });
});

/** Counts how often the estimate reads each fragment's selection set: the work it does, measured without a clock. */
function countSelectionReads(document: DocumentNode) {
  let reads = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const { selectionSet } = definition;
    Object.defineProperty(definition, 'selectionSet', {
      get: () => {
        reads += 1;
        return selectionSet;
      },
    });
  }
  return { total: () => reads };
}
