import { graphql } from 'graphql';
import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { allow, buildFederatedSchema, isAuthenticated, uncoveredFields } from '../src';

@Directive('@key(fields: "id")')
@ObjectType('User')
class FullUser {
  @Field(() => ID) id!: string;
  @Field() username!: string;
}

@Resolver()
class UsersResolver {
  @Query(() => [FullUser])
  users(): FullUser[] {
    return [{ id: '1', username: 'ann' }];
  }
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
class UserRef {
  @Field(() => ID) id!: string;
}

@ObjectType()
class Note {
  @Field(() => ID) id!: string;
  @Field(() => UserRef) author!: UserRef;
}

@Resolver()
class NotesResolver {
  @Query(() => [Note])
  notes(): Note[] {
    return [{ id: 'n1', author: { id: '1' } }];
  }
}

describe('buildFederatedSchema', () => {
  it('builds two subgraphs that share an entity name and composes them', async () => {
    const users = await buildFederatedSchema({
      resolvers: [UsersResolver],
      permissions: { Query: { users: allow }, User: allow },
      references: { User: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, username: 'ann' }) } },
    });
    const notes = await buildFederatedSchema({
      resolvers: [NotesResolver],
      permissions: { Query: { notes: isAuthenticated }, Note: allow, User: allow },
    });
    expect(notes.sdl).not.toContain('username');
    const result = composeServices([
      { name: 'users', typeDefs: parse(users.sdl), url: 'http://users' },
      { name: 'notes', typeDefs: parse(notes.sdl), url: 'http://notes' },
    ]);
    expect(result.errors).toBeUndefined();
    const anon = await graphql({ schema: notes.schema, source: '{ notes { id } }', contextValue: { caller: null } });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const entities = await graphql({
      schema: users.schema,
      source: 'query($r:[_Any!]!){ _entities(representations:$r){ ... on User { username } } }',
      variableValues: { r: [{ __typename: 'User', id: '1' }] },
      contextValue: { caller: null },
    });
    expect(entities.data).toEqual({ _entities: [{ username: 'ann' }] });
  });

  it('refuses a schema with a field that has no rule', async () => {
    await expect(
      buildFederatedSchema({ resolvers: [NotesResolver], permissions: { Query: { notes: allow }, User: allow } }),
    ).rejects.toThrow(/no rule for Note\.id, Note\.author/);
  });

  it('lists uncovered fields', async () => {
    const notes = await buildFederatedSchema({
      resolvers: [NotesResolver],
      permissions: { Query: { notes: allow }, Note: allow, User: allow },
    });
    expect(uncoveredFields(notes.schema, { Query: { notes: allow } })).toContain('Note.id');
  });
});
