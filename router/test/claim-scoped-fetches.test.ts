import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { FEDERATION_LINK, withClaimScoped } from '@platform/kit';
import { composeSupergraph } from '@platform/testkit';
import { ClaimScopedFetches } from '../src/subscriptions/claim-scoped-fetches';

/** users declares User.id/username and Team.name; notes adds User.motto (shareable), which users also declares. */
const USERS = `${FEDERATION_LINK}
  type User @key(fields: "id") { id: ID! username: String! email: String team: Team motto: String @shareable }
  type Team { name: String! lead: User }
  type Query { me: User }`;
const NOTES = `${FEDERATION_LINK}
  type User @key(fields: "id") { id: ID! motto: String @shareable }
  type Query { notes: [String] }`;

function fetches(declared = true): ClaimScopedFetches {
  const users = declared
    ? withClaimScoped(parse(USERS), { subgraph: 'users', fields: { User: ['id', 'username', 'team', 'motto'], Team: ['name'] } })
    : parse(USERS);
  const sdl = printSubgraphSchema(buildSubgraphSchema([{ typeDefs: users, resolvers: {} }]));
  const supergraphSdl = composeSupergraph([{ name: 'users', sdl }, { name: 'notes', sdl: NOTES }]);
  return new ClaimScopedFetches(supergraphSdl, Supergraph.build(supergraphSdl).schema.toGraphQLJSSchema());
}

const entities = (selection: string, extra = '') =>
  `query($representations:[_Any!]!){_entities(representations:$representations){${selection}}}${extra}`;

describe('ClaimScopedFetches', () => {
  const declared = fetches();

  it.each([
    ['declared fields', '...on User{username}'],
    ['declared fields with __typename and the key', '...on User{__typename id username}'],
    ['a declared relation whose fields are declared too', '...on User{team{name}}'],
    ['a named fragment of declared fields', '...U', 'fragment U on User{username}'],
  ])('shares a fetch of %s', (_what, selection, extra = '') => {
    expect(declared.isClaimScoped('users', entities(selection, extra))).toBe(true);
  });

  it.each([
    ['an undeclared field', '...on User{username email}'],
    ['an undeclared field below a declared relation', '...on User{team{name lead{id}}}'],
    ['a named fragment with an undeclared field', '...U', 'fragment U on User{email}'],
  ])('keeps a fetch of %s per caller', (_what, selection, extra = '') => {
    expect(declared.isClaimScoped('users', entities(selection, extra))).toBe(false);
  });

  it('takes a declaration only from the subgraph the fetch goes to', () => {
    // notes resolves User.motto too, and declared nothing: users' word does not cover notes' answer.
    expect(declared.isClaimScoped('users', entities('...on User{motto}'))).toBe(true);
    expect(declared.isClaimScoped('notes', entities('...on User{motto}'))).toBe(false);
  });

  it('shares nothing but entity fetches, and nothing without a declaration', () => {
    expect(declared.isClaimScoped('users', '{ me { username } }')).toBe(false);
    expect(declared.isClaimScoped('users', 'not graphql')).toBe(false);
    expect(fetches(false).isClaimScoped('users', entities('...on User{username}'))).toBe(false);
  });
});

describe('withClaimScoped', () => {
  it('refuses a declaration naming a field the schema does not have', () => {
    expect(() => withClaimScoped(parse(USERS), { subgraph: 'users', fields: { User: ['username', 'nickname'], Group: ['name'] } })).toThrow(
      'claim-scoped fields not in the users schema: User.nickname, Group.name',
    );
  });
});
