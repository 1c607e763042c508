import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Level, Logger } from 'pino';
import { tagRequestId } from '../errors';
import { logOperation } from './operation-line';

/**
 * Logs every operation Apollo Server runs (HTTP and `executeOperation`) and tags its errors with the request id,
 * so the error formatter's `onInternal` can name the request (Apollo formats errors without it).
 */
export function operationLogPlugin<C extends object>(opts: {
  logger: Logger;
  level: Level;
  requestIdOf(context: C): string | undefined;
}): ApolloServerPlugin<C> {
  return {
    // Apollo's hooks return promises; nothing here waits, so each resolves at once.
    requestDidStart({ contextValue }) {
      const started = performance.now();
      const requestId = opts.requestIdOf(contextValue);
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          tagRequestId(errors, requestId);
          return Promise.resolve();
        },
        willSendResponse(request) {
          logOperation(opts.logger, opts.level, {
            requestId,
            operationName: request.operationName ?? request.request.operationName,
            operationType: request.operation?.operation,
            ms: performance.now() - started,
            errors: formattedErrors(request),
          });
          return Promise.resolve();
        },
      });
    },
  };
}

/** What the client was sent: codes already mapped by the formatter. */
function formattedErrors<C extends object>(request: GraphQLRequestContext<C>): readonly GraphQLFormattedError[] | undefined {
  const body = request.response.body;
  if (body?.kind === 'single') return body.singleResult.errors;
  return body && 'initialResult' in body ? body.initialResult.errors : undefined;
}
