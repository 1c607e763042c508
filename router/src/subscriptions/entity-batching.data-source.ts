import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import type { RouterContext } from '../context';

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

interface Pending {
  options: GraphQLDataSourceProcessOptions<RouterContext>;
  representations: unknown[];
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
}

/** How long entity fetches of one event wait for the same fetches of its other subscribers. */
const BATCH_WINDOW_MS = 2;

/**
 * Entity fetches (`_entities(representations:)`) of subscription events, gathered for a moment and sent as one
 * fetch per (query, caller): an event fanned out to many subscriptions of the same caller costs the subgraph one
 * request, not one per subscription. Fetches of different callers are never merged: each subgraph request runs as
 * its caller (token, tenant), which one merged request could not be.
 */
export class EntityBatchingDataSource implements GraphQLDataSource<RouterContext> {
  private readonly batches = new Map<string, Pending[]>();

  constructor(
    private readonly inner: GraphQLDataSource<RouterContext>,
    private readonly windowMs = BATCH_WINDOW_MS,
  ) {}

  process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<Response> {
    const { request } = options;
    const { representations, ...others } = request.variables ?? {};
    if (!Array.isArray(representations) || !request.query?.includes('_entities')) return this.inner.process(options);
    const headers = (options.context as Partial<RouterContext>).headers;
    const key = JSON.stringify([request.query, others, headers?.authorization ?? '', headers?.['x-forwarded-for'] ?? '']);
    return new Promise((resolve, reject) => {
      let batch = this.batches.get(key);
      if (!batch) {
        batch = [];
        this.batches.set(key, batch);
        setTimeout(() => void this.flush(key), this.windowMs);
      }
      batch.push({ options, representations, resolve, reject });
    });
  }

  private async flush(key: string): Promise<void> {
    const batch = this.batches.get(key) ?? [];
    this.batches.delete(key);
    const [first] = batch;
    if (batch.length === 1) {
      this.inner.process(first.options).then(first.resolve, first.reject);
      return;
    }
    // The same entity asked for by many subscriptions is fetched once.
    const merged: unknown[] = [];
    const positions = new Map<string, number>();
    const picks = batch.map((pending) =>
      pending.representations.map((representation) => {
        const id = JSON.stringify(representation);
        let position = positions.get(id);
        if (position === undefined) {
          position = merged.push(representation) - 1;
          positions.set(id, position);
        }
        return position;
      }),
    );
    const request = { ...first.options.request, variables: { ...first.options.request.variables, representations: merged } };
    try {
      const response = await this.inner.process({ ...first.options, request });
      batch.forEach((pending, i) => pending.resolve(pick(response, picks[i])));
    } catch (error) {
      batch.forEach((pending) => pending.reject(error));
    }
  }
}

/** One fetch's share of a merged answer: its entities, and the errors about them (re-indexed) or about all. */
function pick(response: Response, positions: number[]): Response {
  const entities = (response.data as { _entities?: unknown[] } | null | undefined)?._entities;
  const errors = response.errors?.flatMap((error): GraphQLFormattedError[] => {
    const [field, index, ...rest] = error.path ?? [];
    if (field !== '_entities' || typeof index !== 'number') return [error];
    return positions.flatMap((position, local) => (position === index ? [{ ...error, path: [field, local, ...rest] }] : []));
  });
  return {
    ...response,
    data: entities ? { ...response.data, _entities: positions.map((position) => entities[position]) } : response.data,
    errors: errors?.length ? errors : undefined,
  };
}
