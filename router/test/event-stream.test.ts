import { EventStream } from '../src/subscriptions/event-stream';

describe('EventStream', () => {
  const overflow = () => 'overflow';

  it('hands pushed values to waiting and later readers in order', async () => {
    const stream = new EventStream<string>(10, overflow);
    const first = stream.next();
    stream.push('a');
    stream.push('b');
    expect(await first).toEqual({ value: 'a', done: false });
    expect(await stream.next()).toEqual({ value: 'b', done: false });
  });

  it('disposes the upstream and ends a pending next() at once on return()', async () => {
    const dispose = jest.fn();
    const stream = new EventStream<string>(10, overflow);
    stream.onDispose(dispose);
    const pending = stream.next();
    await stream.return();
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(await pending).toEqual({ value: undefined, done: true });
    stream.push('late');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('delivers buffered values before ending when the upstream completes', async () => {
    const stream = new EventStream<string>(10, overflow);
    stream.push('a');
    stream.end();
    expect(await stream.next()).toEqual({ value: 'a', done: false });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('disposes an upstream registered after the stream already ended', () => {
    const dispose = jest.fn();
    const stream = new EventStream<string>(10, overflow);
    stream.end();
    stream.onDispose(dispose);
    expect(dispose).toHaveBeenCalledTimes(1);
  });

  it('ends with the overflow value when a reader falls too far behind', async () => {
    const dispose = jest.fn();
    const stream = new EventStream<string>(2, overflow);
    stream.onDispose(dispose);
    ['a', 'b', 'c', 'd'].forEach((v) => stream.push(v));
    const seen: string[] = [];
    for await (const value of stream) seen.push(value);
    expect(seen).toEqual(['a', 'b', 'overflow']);
    expect(dispose).toHaveBeenCalledTimes(1);
  });
});
