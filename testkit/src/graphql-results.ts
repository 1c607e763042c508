import type { ExecutionResult } from 'graphql';

/** The first error's `extensions.code` of a result (undefined when it has none). */
export const codeOf = (result: ExecutionResult) => result.errors?.[0]?.extensions?.code;

/**
 * The next event of a subscription, or a failure after `ms` (an event may never arrive). The promise is marked
 * handled at once, so a test that fails before awaiting it reports its own error, not an unhandled rejection.
 */
export function nextEvent<T>(iterator: AsyncIterator<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms);
  });
  const event = Promise.race([iterator.next(), timeout]).then((next) => {
    if (next.done) throw new Error('subscription ended');
    return next.value;
  });
  event.catch(() => undefined).finally(() => clearTimeout(timer));
  return event;
}

/** The event stream of a `subscribe()` that succeeded; a refused one fails with its errors. */
export function asIterator<T>(result: AsyncIterableIterator<T> | ExecutionResult): AsyncIterableIterator<T> {
  if (!(Symbol.asyncIterator in result)) throw new Error(`subscribe failed: ${JSON.stringify(result.errors)}`);
  return result;
}
