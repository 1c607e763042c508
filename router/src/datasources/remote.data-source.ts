import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { DB_TIME_EXTENSION, DB_TIME_HEADER, DomainError, SIGNED_IN_EXTENSION } from '@platform/kit';
import type { RouterContext } from '../context';
import { adoptSignIn } from './signed-in';

type Response = Awaited<ReturnType<RemoteGraphQLDataSource<RouterContext>['process']>>;

/**
 * Requests in flight to one subgraph at most; the rest wait here in order. Node's fetch opens a keep-alive socket for
 * every concurrent request, so without a bound an overloaded subgraph is met with ever more connections (hundreds
 * were measured under a notice storm), each one more transaction competing for its database.
 */
export const MAX_IN_FLIGHT_PER_SUBGRAPH = 64;

/** A counting semaphore: `run` waits for one of `size` slots. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight on
      else this.free += 1;
    }
  }
}

/** Calls a subgraph over HTTP as the caller: the original token and the request id travel with every fetch. */
export class ForwardingDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly slots: Slots;

  constructor(
    private readonly subgraph: string,
    url: string,
    maxInFlight = MAX_IN_FLIGHT_PER_SUBGRAPH,
  ) {
    // Node's own fetch (keep-alive): the gateway's default client stack costs a stack trace per request.
    super({ url, fetcher: fetch });
    this.slots = new Slots(maxInFlight);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    // Health checks and schema loads carry an empty context.
    const headers = (context as Partial<RouterContext>).headers;
    if (!headers || !request.http) return;
    if (headers.authorization) request.http.headers.set('authorization', headers.authorization);
    request.http.headers.set('x-request-id', headers['x-request-id']);
    if (headers['x-forwarded-for']) request.http.headers.set('x-forwarded-for', headers['x-forwarded-for']);
    if ((context as Partial<RouterContext>).dbTimer) request.http.headers.set(DB_TIME_HEADER, '1');
  }

  /** A subgraph that cannot be reached is UNAVAILABLE to the client, not an internal error of the router. */
  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<Response> {
    try {
      const response = await this.slots.run(() => super.process(options));
      // The subgraph's SQL time, added to the operation's (the gateway keeps no subgraph extensions itself).
      const dbTimeMs: unknown = response.extensions?.[DB_TIME_EXTENSION];
      if (typeof dbTimeMs === 'number') (options.context as Partial<RouterContext>).dbTimer?.add(dbTimeMs);
      adoptSignIn(options.context, response.extensions?.[SIGNED_IN_EXTENSION]);
      return response;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw new DomainError('UNAVAILABLE', `Subgraph ${this.subgraph} is unavailable`);
    }
  }
}
