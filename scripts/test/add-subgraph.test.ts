import type { Opt } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import {
  BaseEntity,
  byKeyLoader,
  composeSupergraph,
  createPubSub,
  defineSubgraph,
  isAuthenticated,
  loaderReference,
  notFound,
  parseId,
  baseConfigShape,
  productionGuards,
  type SubgraphContext,
} from '@platform/kit';
import { identity } from '@platform/identity';
import { z } from 'zod';
import { ALL_ROUTES, validateOperations } from '@platform/rest-adapter';
import { startPlatform, type Platform } from '../src';
import type { UntypedJson } from '@platform/testkit';

// What the README's "Add a subgraph" asks for, done in a test: a subgraph declared with the kit, registered beside
// identity, composed, and its entity resolved through the router, including a field identity answers.

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
class UserRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
class Widget extends BaseEntity {
  @Field()
  @Property()
  name!: string;

  @Property()
  ownerId!: string;

  @Field(() => UserRef)
  get owner(): UserRef & Opt {
    return { id: this.ownerId };
  }
}

type WidgetContext = SubgraphContext<Record<string, never>>;
const widgetById = (ctx: Pick<WidgetContext, 'em' | 'loaders'>) =>
  ctx.loaders.get('widgetById', () => byKeyLoader<Widget, number>(ctx.em, Widget));

@Resolver()
class WidgetResolver {
  @Query(() => Widget)
  async widget(@Arg('id', () => ID) id: string, @Ctx() ctx: WidgetContext): Promise<Widget> {
    const widget = await widgetById(ctx).load(parseId(id) ?? 0);
    if (!widget) throw notFound('Widget', id);
    return widget;
  }
}

const widgets = defineSubgraph({
  name: 'widgets',
  config: z.object({ ...baseConfigShape, PORT: z.coerce.number().default(4099) }).superRefine(productionGuards),
  entities: [Widget],
  resolvers: [WidgetResolver],
  orphanedTypes: [UserRef],
  references: { Widget: loaderReference(widgetById) },
  permissions: { Query: { widget: isAuthenticated }, Widget: isAuthenticated, User: isAuthenticated },
  seed: async (em) => {
    if (!(await em.count(Widget, {}))) em.create(Widget, { name: 'Sprocket', ownerId: '1' });
    await em.flush();
  },
  consumers: [
    // Every new account gets a starter widget: identity's user.created, handled once per event.
    {
      name: 'starter-widget',
      topics: ['user.created'],
      async handle(event, em) {
        const { userId, username } = event.payload as { userId: number; username: string };
        em.create(Widget, { name: `${username}'s widget`, ownerId: String(userId) });
      },
    },
  ],
});

let platform: Platform;
beforeAll(async () => {
  const pubSub = createPubSub({});
  const sdls = [];
  for (const subgraph of [identity, widgets]) sdls.push({ name: subgraph.name, sdl: (await subgraph.buildSchema({ pubSub })).sdl });
  await pubSub.close();
  const supergraphSdl = composeSupergraph(sdls);
  platform = await startPlatform({
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:' },
    subgraphs: [identity, widgets],
    supergraphSdl,
    // Only identity and the toy run here: the adapter serves the routes this supergraph answers.
    adapter: { routes: ALL_ROUTES.filter((route) => validateOperations(supergraphSdl, [route]).length === 0) },
  });
}, 60_000);
afterAll(() => platform?.close());

const run = (query: string, variables?: Record<string, unknown>, token?: string) =>
  platform.router.executor.execute({ query, variables, headers: token ? { authorization: `Bearer ${token}` } : {} });

test('a subgraph built from the kit resolves its entity through the router, joined with identity', async () => {
  const login = await run('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
    i: { login: 'superadmin', password: '123456' },
  });
  const token = (login.data as { login: { accessToken: string } }).login.accessToken;

  const answer = await run('{ widget(id: "1") { id name owner { id username } } }', {}, token);

  expect(answer).toEqual({ data: { widget: { id: '1', name: 'Sprocket', owner: { id: '1', username: 'superadmin' } } } });
});

test("its event consumer handles identity's user.created once the account is committed", async () => {
  const login = await run('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
    i: { login: 'superadmin', password: '123456' },
  });
  const token = (login.data as { login: { accessToken: string } }).login.accessToken;
  const created = await run(
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { username: 'widgetfan', password: 'secret123', tenantId: '1' } },
    token,
  );
  const userId = (created.data as { createUser: { id: string } }).createUser.id;
  const runtime = platform.subgraphs.find((s) => s.name === 'widgets') as unknown as { orm: { em: { fork(): UntypedJson } } };
  const deadline = Date.now() + 10_000;
  let widget: Widget | null = null;
  while (!widget && Date.now() < deadline) {
    widget = await runtime.orm.em.fork().findOne(Widget, { ownerId: userId });
    if (!widget) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(widget?.name).toBe("widgetfan's widget");
});

test('its permissions hold through the router: an anonymous caller is refused', async () => {
  const answer = await run('{ widget(id: "1") { name } }');
  expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});
