import { DefaultLogger, type LogContext, type Logger, type LoggerOptions } from '@mikro-orm/core';
import { recordQueryTime } from './db-timer';

/**
 * Pass as `em.fork({ loggerContext: BACKGROUND_WORK })` for work that runs on its own schedule (the outbox relay's
 * polls): SqlCounter leaves its statements out, so a test's count depends only on the requests it made.
 */
export const BACKGROUND_WORK = { background: true } as const;

/**
 * Counts the SQL statements an ORM executes (background work left out), so tests can pin query budgets (N+1 regressions).
 * MikroORM hands every executed statement to `Logger.logQuery` whatever the debug mode, so counting there
 * sees everything without turning query logging (and its output) on.
 */
export class SqlCounter {
  readonly statements: string[] = [];

  get count(): number {
    return this.statements.length;
  }

  reset(): void {
    this.statements.length = 0;
  }

  /** A MikroORM `loggerFactory` that records statements, then logs as the default logger would. */
  loggerFactory(): (options: LoggerOptions) => Logger {
    return queryLoggerFactory(this.statements);
  }
}

/**
 * The ORM's query logger: times each statement into the request's DbTimer and, given a sink (SqlCounter), records
 * it; then logs as the default logger would.
 */
export const queryLoggerFactory =
  (sink?: string[]) =>
  (options: LoggerOptions): Logger =>
    new CountingLogger(options, sink);

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly sink?: string[],
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    // Slow-query echoes reuse logQuery with their own namespace; they are not extra statements.
    if ((context.namespace ?? 'query') !== 'query') return super.logQuery(context);
    recordQueryTime(context);
    if (this.sink && !context.background) this.sink.push(context.query);
    super.logQuery(context);
  }
}
