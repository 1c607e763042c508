/**
 * A push-to-pull queue handed to graphql-ws as a subscription's iterator. Written by hand because an
 * `async function*` cannot be `return()`ed while it awaits `next()`: the upstream would leak until its
 * next event. Here `return()` ends the stream and runs the disposer at once, and a pending `next()`
 * resolves `done`.
 */
export class EventStream<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiting?: (result: IteratorResult<T>) => void;
  /** No more values will be pushed; buffered ones are still delivered. */
  private ended = false;
  private disposer?: () => void;
  private disposed = false;

  /**
   * @param maxBuffer values waiting for a slow consumer; past it the stream ends with `overflow()` rather
   *   than hold memory without bound.
   */
  constructor(
    private readonly maxBuffer: number,
    private readonly overflow: () => T,
  ) {}

  get closed(): boolean {
    return this.ended;
  }

  /** Registers how to release the upstream; runs at once if the stream already ended. */
  onDispose(disposer: () => void): void {
    this.disposer = disposer;
    if (this.ended) this.dispose();
  }

  push(value: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value, done: false });
    } else if (this.buffer.length >= this.maxBuffer) {
      this.buffer.push(this.overflow());
      this.end();
    } else {
      this.buffer.push(value);
    }
  }

  /** The upstream finished: deliver what is buffered, then `done`. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.dispose();
    if (this.waiting && this.buffer.length === 0) this.resolveDone();
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.buffer.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** The consumer is gone: drop the buffer and release the upstream now. */
  return(): Promise<IteratorResult<T>> {
    this.buffer.length = 0;
    this.end();
    this.resolveDone();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<T>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private resolveDone(): void {
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ value: undefined, done: true });
  }

  private dispose(): void {
    if (this.disposed || !this.disposer) return;
    this.disposed = true;
    this.disposer();
  }
}
