import type { FetchNode } from '@apollo/query-planner';
import type { FormattedExecutionResult } from 'graphql';
import type { ForwardedHeaders } from '../context';

/** Receives the primary subscription's events, as the owning subgraph sends them. */
export interface UpstreamSink {
  next(event: FormattedExecutionResult): void;
  /** The upstream ended; `error` when it failed rather than completed. */
  complete(error?: unknown): void;
}

/**
 * Opens a subgraph's root subscription field as the caller; the returned function closes it. `variables` is asked
 * again whenever the transport subscribes again by itself (after a lost connection), so a resumable subscription
 * goes on after the last event delivered rather than where it started.
 */
export interface Upstream {
  open(
    fetch: FetchNode,
    variables: () => Record<string, unknown>,
    headers: ForwardedHeaders,
    sink: UpstreamSink,
  ): Promise<() => void>;
}
