import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { RouterContext } from '../src/context';
import { EntityBatchingDataSource } from '../src/subscriptions/entity-batching.data-source';

const QUERY = 'query($representations:[_Any!]!){_entities(representations:$representations){...on User{username}}}';

/** A subgraph answering `_entities` by id, failing for id "bad"; it records every request it gets. */
function fakeSubgraph() {
  const requests: { authorization?: string; representations: { id: string }[] }[] = [];
  const source: GraphQLDataSource<RouterContext> = {
    process: (options) => {
      const representations = options.request.variables?.representations as { id: string }[];
      requests.push({ authorization: options.context.headers?.authorization, representations });
      const errors = representations.flatMap((r, i) => (r.id === 'bad' ? [{ message: 'no such user', path: ['_entities', i] }] : []));
      return Promise.resolve({
        data: { _entities: representations.map((r) => (r.id === 'bad' ? null : { username: `user-${r.id}` })) },
        errors: errors.length ? errors : undefined,
      });
    },
  };
  return { requests, source };
}

const fetchOf = (authorization: string, ids: string[]) =>
  ({
    request: { query: QUERY, variables: { representations: ids.map((id) => ({ __typename: 'User', id })) } },
    context: { caller: null, headers: { authorization, 'x-request-id': 'r' } },
  }) as unknown as GraphQLDataSourceProcessOptions<RouterContext>;

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

  it('never merges the fetches of different callers', async () => {
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
