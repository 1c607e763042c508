import { AsyncLocalStorage } from 'node:async_hooks';
import { ChangeSetType, type EventSubscriber, type FlushEventArgs, type TransactionEventArgs } from '@mikro-orm/core';
import { mutationTransaction } from '../mutation-transaction';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Calls `onCommitted` right after a commit that inserted outbox events, so the relay publishes them at once
 * rather than at its next poll. Registered on an ORM's EventManager, which every fork shares.
 */
export class OutboxCommitSubscriber implements EventSubscriber {
  /** Transactions that flushed outbox events and have not committed yet. */
  private readonly pending = new WeakSet<object>();
  /** A savepoint holding events was released: they commit with the enclosing transaction, whose context we cannot see. */
  private savepointCarried = false;

  /**
   * Runs the publish in the async context the relay started in, not the committing request's: otherwise the
   * request's transaction context (MikroORM's, the kit's) would follow the events into every in-process consumer.
   */
  private readonly outsideRequest = AsyncLocalStorage.snapshot();
  private readonly onCommitted: () => void;

  constructor(onCommitted: () => void) {
    this.onCommitted = () => this.outsideRequest(onCommitted);
  }

  afterFlush({ em, uow }: FlushEventArgs): void {
    const recorded = uow.getChangeSets().some((cs) => cs.type === ChangeSetType.CREATE && cs.entity instanceof OutboxEvent);
    if (!recorded) return;
    const trx = em.isInTransaction() ? em.getTransactionContext<{ savepointName?: unknown }>() : undefined;
    // A flush outside a transaction ran in its own, already committed one.
    if (!trx) return this.onCommitted();
    // Events written in a savepoint of a mutation commit with the mutation's transaction: wait for that one. (A
    // single flag for every savepoint was reset by whichever transaction committed next, under concurrent requests
    // often another one, and the events then waited for the relay's next poll.)
    this.pending.add((trx.savepointName && mutationTransaction()) || trx);
  }

  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    // The driver's transaction handle is untyped (`any`); only its identity and savepoint name matter here.
    const trx = transaction as { savepointName?: unknown } | null | undefined;
    if (!trx) return;
    const inSavepoint = !!trx.savepointName;
    if (inSavepoint) {
      if (this.pending.has(trx)) this.savepointCarried = true;
      return;
    }
    if (this.pending.has(trx) || this.savepointCarried) {
      this.pending.delete(trx);
      this.savepointCarried = false;
      this.onCommitted();
    }
  }
}
