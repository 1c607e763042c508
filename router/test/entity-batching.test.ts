import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Caller } from '@platform/kit';
import type { RouterContext } from '../src/context';
import { EntityBatchingDataSource } from '../src/subscriptions/entity-batching.data-source';

const QUERY = 'query($representations:[_Any!]!){_entities(representations:$representations){...on User{username}}}';

/**
 * A subgraph answering `_entities` by id, failing for id "bad"; it records every request it gets. Tokens in `refused`
 * are answered UNAUTHENTICATED (in the answer, or thrown as RemoteGraphQLDataSource does for an HTTP 401).
 */
function fakeSubgraph(refused: { answered?: string[]; thrown?: string[] } = {}) {
  const requests: { authorization?: string; representations: { id: string }[] }[] = [];
  const source: GraphQLDataSource<RouterContext> = {
    process: (options) => {
      const representations = options.request.variables?.representations as { id: string }[];
      const authorization = options.context.headers?.authorization;
      requests.push({ authorization, representations });
      if (authorization && refused.answered?.includes(authorization)) {
        return Promise.resolve({ data: null, errors: [{ message: 'Token is invalid or expired', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      if (authorization && refused.thrown?.includes(authorization)) {
        return Promise.reject(Object.assign(new Error('401: Unauthorized'), { extensions: { code: 'UNAUTHENTICATED' } }));
      }
      const errors = representations.flatMap((r, i) => (r.id === 'bad' ? [{ message: 'no such user', path: ['_entities', i] }] : []));
      return Promise.resolve({
        data: { _entities: representations.map((r) => (r.id === 'bad' ? null : { username: `user-${r.id}` })) },
        errors: errors.length ? errors : undefined,
      });
    },
  };
  return { requests, source };
}

const fetchOf = (authorization: string, ids: string[], caller: Caller | null = null) =>
  ({
    request: { query: QUERY, variables: { representations: ids.map((id) => ({ __typename: 'User', id })) } },
    context: { caller, headers: { authorization, 'x-request-id': 'r' } },
  }) as unknown as GraphQLDataSourceProcessOptions<RouterContext>;

/** A verified caller of tenant t1; `claims` change what the group shares. */
const callerOf = (userId: string, claims: Partial<Caller> = {}): Caller => ({
  userId,
  username: `u${userId}`,
  tenantId: 't1',
  roles: ['collector', 'viewer'],
  permissions: ['cases:view', 'notes:view'],
  scope: 'tenant',
  sessionId: `s${userId}`,
  ...claims,
});

const asUser = (userId: string, claims: Partial<Caller> = {}) => fetchOf(`Bearer ${userId}`, [userId], callerOf(userId, claims));
const allClaimScoped = () => true;

describe('EntityBatchingDataSource', () => {
  it('merges one caller\'s entity fetches into one request, each entity once, and gives each fetch its own share', async () => {
    const { requests, source } = fakeSubgraph();
    const batching = new EntityBatchingDataSource(source);
    const [a, b, c] = await Promise.all([
      batching.process(fetchOf('Bearer ann', ['1', '2'])),
      batching.process(fetchOf('Bearer ann', ['2', 'bad'])),
      batching.process(fetchOf('Bearer ann', ['1'])),
    ]);
    expect(requests).toEqual([{ authorization: 'Bearer ann', representations: ['1', '2', 'bad'].map((id) => ({ __typename: 'User', id })) }]);
    expect(a).toEqual({ data: { _entities: [{ username: 'user-1' }, { username: 'user-2' }] } });
    expect(b).toEqual({ data: { _entities: [{ username: 'user-2' }, null] }, errors: [{ message: 'no such user', path: ['_entities', 1] }] });
    expect(c).toEqual({ data: { _entities: [{ username: 'user-1' }] } });
  });

  it('never merges the fetches of different callers unless declared claim-scoped', async () => {
    const { requests, source } = fakeSubgraph();
    const batching = new EntityBatchingDataSource(source);
    await Promise.all([batching.process(fetchOf('Bearer ann', ['1'])), batching.process(fetchOf('Bearer bob', ['1']))]);
    expect(requests.map((r) => r.authorization).sort()).toEqual(['Bearer ann', 'Bearer bob']);
  });

  it('passes other fetches straight through, unmerged', async () => {
    const { requests, source } = fakeSubgraph();
    const batching = new EntityBatchingDataSource(source);
    const plain = { ...fetchOf('Bearer ann', ['1']), request: { query: '{ users { id } }', variables: { representations: [{ id: '1' }] } } };
    await Promise.all([batching.process(plain as never), batching.process(plain as never)]);
    expect(requests).toHaveLength(2);
  });
});

describe('EntityBatchingDataSource, claim-scoped fetches', () => {
  it('merges the fetches of different callers with the same claims into one request, sent as one of them', async () => {
    const { requests, source } = fakeSubgraph();
    const batching = new EntityBatchingDataSource(source, allClaimScoped);
    const answers = await Promise.all([
      batching.process(asUser('1')),
      // The same roles and permissions listed in another order are the same claim set.
      batching.process(asUser('2', { roles: ['viewer', 'collector'], permissions: ['notes:view', 'cases:view'] })),
      batching.process(asUser('3')),
    ]);
    expect(requests).toEqual([{ authorization: 'Bearer 1', representations: ['1', '2', '3'].map((id) => ({ __typename: 'User', id })) }]);
    expect(answers).toEqual(['1', '2', '3'].map((id) => ({ data: { _entities: [{ username: `user-${id}` }] } })));
  });

  it.each<[string, Partial<Caller>]>([
    ['tenant', { tenantId: 't2' }],
    ['roles', { roles: ['collector'] }],
    ['permissions', { permissions: ['cases:view'] }],
    ['data scope', { scope: 'own' }],
    ['acting-through subgraph', { actingThrough: 'collections' }],
  ])('keeps callers whose %s differs apart', async (_claim, claims) => {
    const { requests, source } = fakeSubgraph();
    const batching = new EntityBatchingDataSource(source, allClaimScoped);
    await Promise.all([batching.process(asUser('1')), batching.process(asUser('2', claims))]);
    expect(requests.map((r) => r.authorization).sort()).toEqual(['Bearer 1', 'Bearer 2']);
  });

  it('keeps fetches the policy does not call claim-scoped, and fetches without a verified caller, per caller', async () => {
    const { requests, source } = fakeSubgraph();
    await Promise.all([asUser('1'), asUser('2')].map((f) => new EntityBatchingDataSource(source, () => false).process(f)));
    const batching = new EntityBatchingDataSource(source, allClaimScoped);
    await Promise.all([batching.process(fetchOf('Bearer 3', ['3'])), batching.process(fetchOf('Bearer 4', ['4']))]);
    expect(requests.map((r) => r.authorization).sort()).toEqual(['Bearer 1', 'Bearer 2', 'Bearer 3', 'Bearer 4']);
  });

  it.each([
    ['answers', { answered: ['Bearer 1'] }],
    ['throws', { thrown: ['Bearer 1'] }],
  ])('asks each member as itself when the subgraph %s UNAUTHENTICATED for the member it went as', async (_how, refused) => {
    const { requests, source } = fakeSubgraph(refused);
    const batching = new EntityBatchingDataSource(source, allClaimScoped);
    const [first, second] = await Promise.allSettled([batching.process(asUser('1')), batching.process(asUser('2'))]);
    expect(requests.map((r) => r.authorization)).toEqual(['Bearer 1', 'Bearer 1', 'Bearer 2']);
    // The member whose session ended is refused as itself; the other gets its answer.
    expect(second).toEqual({ status: 'fulfilled', value: { data: { _entities: [{ username: 'user-2' }] } } });
    expect(first.status === 'rejected' ? first.reason : first.value.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
