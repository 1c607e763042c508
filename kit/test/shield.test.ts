import { graphql } from 'graphql';
import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { allow, buildFederatedSchema, can, type Caller } from '../src';

// An entity, so the schema has the federation fields the shield's defaults name.
@Directive('@key(fields: "id")')
@ObjectType()
class Report {
  @Field(() => ID) id!: string;
}

@Resolver()
class ReportsResolver {
  @Query(() => String) reports(): string {
    return 'all';
  }

  @Query(() => Report) report(): Report {
    return { id: 'one' };
  }

  @Query(() => String) audit(): string {
    return 'trail';
  }
}

function caller(permissions: string[]): Caller {
  return { userId: '1', username: 'u', tenantId: '1', roles: [], permissions, scope: 'tenant', sessionId: 's' };
}

describe('can(code)', () => {
  test('hands out one rule per code', () => {
    expect(can('reports:view')).toBe(can('reports:view'));
    expect(can('reports:view')).not.toBe(can('audit:view'));
  });

  // graphql-shield refuses a schema in which two different rules share a name.
  test('one code guarding several fields builds and guards each of them', async () => {
    const { schema } = await buildFederatedSchema({
      resolvers: [ReportsResolver],
      permissions: {
        Query: { reports: can('reports:view'), report: can('reports:view'), audit: can('audit:view') },
        Report: allow,
      },
    });
    const run = (permissions: string[]) =>
      graphql({ schema, source: '{ reports report { id } audit }', contextValue: { caller: caller(permissions) } });

    const viewer = await run(['reports:view']);
    expect(viewer.data).toBeNull();
    expect(viewer.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['audit', 'FORBIDDEN']]);
    expect(await run(['reports:view', 'audit:view'])).toEqual({ data: { reports: 'all', report: { id: 'one' }, audit: 'trail' } });
  });
});
