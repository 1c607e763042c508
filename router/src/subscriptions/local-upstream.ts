import { parse, subscribe } from 'graphql';
import type { SubgraphRuntime } from '@platform/kit';
import type { Upstream } from './upstream';

/** Embedded mode: `subscribe()` on the subgraph's own schema, with the context it builds from the caller's headers. */
export function localUpstream(runtime: SubgraphRuntime): Upstream {
  return {
    async open(fetch, variables, headers, sink) {
      const contextValue = await runtime.createContext({ ...headers });
      const result = await subscribe({
        schema: runtime.schema,
        document: fetch.operationDocumentNode ?? parse(fetch.operation),
        variableValues: variables(),
        operationName: fetch.operationName,
        contextValue,
      });
      if (!(Symbol.asyncIterator in result)) {
        sink.next({ data: result.data, errors: result.errors?.map((e) => e.toJSON()) });
        sink.complete();
        return () => {};
      }
      let stopped = false;
      void (async () => {
        try {
          for (;;) {
            const step = await result.next();
            if (step.done || stopped) break;
            sink.next({ data: step.value.data, errors: step.value.errors?.map((e) => e.toJSON()) });
          }
          sink.complete();
        } catch (error) {
          sink.complete(error);
        }
      })();
      return () => {
        stopped = true;
        void result.return?.();
      };
    },
  };
}
