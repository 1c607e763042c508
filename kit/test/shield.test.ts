import { graphql, parse, subscribe, type ExecutionResult } from 'graphql';
import { Directive, Field, ID, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { allow, buildFederatedSchema, can, createPubSub, type Caller } from '../src';

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

@Resolver()
class StatusResolver {
  @Query(() => String) status(): string {
    return 'up';
  }

  @Query(() => String) secret(): string {
    return 'hidden';
  }
}

// Regression: the shield named `_entities` for every subgraph, and graphql-shield refuses a rule for a missing field.
describe('a subgraph without entity types', () => {
  test('builds, answers the router its SDL, and still denies what no rule allows', async () => {
    const { schema } = await buildFederatedSchema({
      resolvers: [StatusResolver],
      permissions: { Query: { status: allow, secret: can('secret:view') } },
    });
    expect(schema.getQueryType()?.getFields()).not.toHaveProperty('_entities');

    const result = await graphql({ schema, source: '{ status secret _service { sdl } }', contextValue: { caller: caller([]) } });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['secret', 'FORBIDDEN']]);
    const service = await graphql({ schema, source: '{ status _service { sdl } }', contextValue: { caller: null } });
    expect(service.data).toEqual({ status: 'up', _service: { sdl: expect.stringContaining('status: String!') } });
  });
});

@Resolver()
class WatchResolver {
  @Query(() => String) ping(): string {
    return 'pong';
  }

  @Subscription(() => String, { topics: 'reports' })
  reportAdded(@Root() title: string): string {
    return title;
  }
}

describe('subscriptions', () => {
  // graphql-middleware guards the per-event resolve only; a denied caller must not even open the stream.
  test('the field rule decides at subscribe time', async () => {
    const pubSub = createPubSub({});
    const { schema } = await buildFederatedSchema({
      resolvers: [WatchResolver],
      pubSub,
      permissions: { Query: { ping: allow }, Subscription: { reportAdded: can('reports:watch') } },
    });
    const open = (c: Caller | null) =>
      subscribe({ schema, document: parse('subscription { reportAdded }'), contextValue: { caller: c } });
    try {
      const anonymous = (await open(null)) as ExecutionResult;
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const denied = (await open(caller(['reports:view']))) as ExecutionResult;
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(pubSub.listenerCount('reports')).toBe(0);

      const allowed = (await open(caller(['reports:watch']))) as AsyncGenerator<ExecutionResult>;
      expect(Symbol.asyncIterator in allowed).toBe(true);
      const next = allowed.next();
      await pubSub.publish('reports', 'Q3');
      expect((await next).value).toEqual({ data: { reportAdded: 'Q3' } });
      await allowed.return(undefined);
    } finally {
      await pubSub.close();
    }
  });
});
