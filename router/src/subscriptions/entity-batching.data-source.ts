import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import type { RouterContext } from '../context';
import { claimSetKey } from './claim-set';

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

interface Pending {
  options: GraphQLDataSourceProcessOptions<RouterContext>;
  representations: unknown[];
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
}

/** How long entity fetches of one event wait for the same fetches of its other subscribers. */
const BATCH_WINDOW_MS = 2;

/** Whether an `_entities` fetch (its query text) selects only fields its subgraph declared claim-scoped. */
export type ClaimScopedPolicy = (query: string) => boolean;

/**
 * Entity fetches (`_entities(representations:)`) of subscription events, gathered for a moment and sent as one
 * fetch per group: an event fanned out to many subscriptions costs the subgraph one request per group, not one per
 * subscription. A group is (query, variables, caller) — each subgraph request runs as its caller (token, tenant) —
 * except where `claimScoped` says every field fetched is declared by the subgraph to depend only on the caller's
 * claim set: then the group is (query, variables, claim set), and its request goes as one of its members (their
 * token, which the subgraph verifies and authorises as always), the answer being the same for every other member.
 */
export class EntityBatchingDataSource implements GraphQLDataSource<RouterContext> {
  private readonly batches = new Map<string, Pending[]>();

  constructor(
    private readonly inner: GraphQLDataSource<RouterContext>,
    private readonly claimScoped: ClaimScopedPolicy = () => false,
    private readonly windowMs = BATCH_WINDOW_MS,
  ) {}

  process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<Response> {
    const { request } = options;
    const { representations, ...others } = request.variables ?? {};
    if (!Array.isArray(representations) || !request.query?.includes('_entities')) return this.inner.process(options);
    const key = JSON.stringify([request.query, others, groupOf(options, this.claimScoped)]);
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
    let merged: { answer: Response; picks: number[][] };
    try {
      merged = await this.merged(batch);
      if (!(sentAsOthers(batch) && refusedAsCaller(merged.answer.errors))) {
        batch.forEach((pending, i) => pending.resolve(pick(merged.answer, merged.picks[i])));
        return;
      }
    } catch (error) {
      if (!(sentAsOthers(batch) && refusedAsCaller([error as GraphQLFormattedError]))) {
        batch.forEach((pending) => pending.reject(error));
        return;
      }
    }
    // The member it went as is no longer signed in (its session ended a moment ago, before its subscription did):
    // the others may well be, so each is asked as itself rather than refused for another's token.
    for (const pending of batch) this.inner.process(pending.options).then(pending.resolve, pending.reject);
  }

  /** One request for the whole batch, as its first member; each entity asked for once. */
  private async merged(batch: Pending[]): Promise<{ answer: Response; picks: number[][] }> {
    const [first] = batch;
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
    return { answer: await this.inner.process({ ...first.options, request }), picks };
  }
}

/** The batch key's caller part: the claim set where the fetch is claim-scoped, else the caller's own token. */
function groupOf(options: GraphQLDataSourceProcessOptions<RouterContext>, claimScoped: ClaimScopedPolicy): unknown[] {
  const context = options.context as Partial<RouterContext>;
  const claims = claimSetKey(context);
  if (claims !== undefined && claimScoped(options.request.query ?? '')) return ['claims', claims];
  return ['caller', context.headers?.authorization ?? '', context.headers?.['x-forwarded-for'] ?? ''];
}

const authorizationOf = (pending: Pending) => (pending.options.context as Partial<RouterContext>).headers?.authorization;

/** Whether the batch's request went with a token some of its members do not hold (a claim-set group). */
const sentAsOthers = (batch: Pending[]) => batch.some((pending) => authorizationOf(pending) !== authorizationOf(batch[0]));

/** A subgraph refusing the token: in the answer's errors, or thrown for its HTTP 401 (RemoteGraphQLDataSource). */
const refusedAsCaller = (errors: readonly GraphQLFormattedError[] | undefined) =>
  !!errors?.some((error) => (error as Partial<GraphQLFormattedError> | undefined)?.extensions?.code === 'UNAUTHENTICATED');

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
