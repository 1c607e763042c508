import type { Level, Logger } from 'pino';
import { tagRequestId } from '../errors';
import { logOperation } from './operation-line';

export interface ContextLog {
  logger: Logger;
  level: Level;
  requestId: string;
  /** From the request body, whatever it holds. */
  operationName: unknown;
  elapsedMs(): number;
}

/**
 * Builds an operation's context. One refused there (a bad token) never reaches Apollo's plugins, so its line is
 * logged here, and its error tagged for the formatter.
 */
export async function loggedContext<C>(build: () => Promise<C>, log: ContextLog): Promise<C> {
  try {
    return await build();
  } catch (error) {
    tagRequestId([error], log.requestId);
    logOperation(log.logger, log.level, {
      requestId: log.requestId,
      operationName: log.operationName,
      operationType: null,
      ms: log.elapsedMs(),
      errors: [typeof error === 'object' && error !== null ? error : {}],
    });
    throw error;
  }
}
