import { CompositionError, composeSupergraph } from '@platform/testkit';

describe('composeSupergraph', () => {
  const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key"])';

  it('composes subgraph SDLs into a supergraph', () => {
    const supergraph = composeSupergraph([
      { name: 'users', sdl: `${link} type Query { users: [User!]! } type User @key(fields: "id") { id: ID! name: String! }` },
      { name: 'notes', sdl: `${link} type Query { notes: [String!]! } type User @key(fields: "id") { id: ID! notes: [String!]! }` },
    ]);
    expect(supergraph).toContain('join__graph(name: "users", url: "http://users/graphql")');
    expect(supergraph).toMatch(/type User[\s\S]*name: String!/);
  });

  it('throws every composition error', () => {
    const compose = () =>
      composeSupergraph([
        { name: 'a', sdl: `${link} type Query { x: Int }` },
        { name: 'b', sdl: `${link} type Query { x: String }` },
      ]);
    expect(compose).toThrow(CompositionError);
    expect(compose).toThrow(/Query\.x/);
  });
});
