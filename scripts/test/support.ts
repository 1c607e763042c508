import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { UntypedJson } from '@platform/testkit';

/** POSTs a GraphQL operation to the router over HTTP. */
export async function gql<T = Record<string, UntypedJson>>(
  routerUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await fetch(`${routerUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as never;
}

export async function login(routerUrl: string, username: string, password: string): Promise<{ token: string; id: string }> {
  const res = await gql<{ login: { accessToken: string; user: { id: string } } }>(
    routerUrl,
    'mutation($i: LoginInput!) { login(input: $i) { accessToken user { id } } }',
    { i: { login: username, password } },
  );
  if (!res.data) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
  return { token: res.data.login.accessToken, id: res.data.login.user.id };
}

export const wsUrl = (routerUrl: string) => `${routerUrl.replace(/^http/, 'ws')}/graphql`;

export function wsClient(routerUrl: string, token?: string): Client {
  return createClient({
    url: wsUrl(routerUrl),
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** Subscribes and collects events; `next()` resolves with the next event or rejects after `ms`. */
export function collect<T>(client: Client, query: string) {
  const events: T[] = [];
  const waiters: ((value: T) => void)[] = [];
  let failure: unknown;
  const dispose = client.subscribe<T>(
    { query },
    {
      next: (value) => {
        const waiter = waiters.shift();
        if (waiter) waiter(value.data as T);
        else events.push(value.data as T);
      },
      error: (error) => {
        failure = error;
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    get failure() {
      return failure;
    },
    next(ms = 1000): Promise<T> {
      if (events.length) return Promise.resolve(events.shift()!);
      return new Promise<T>((resolve, reject) => {
        const waiter = (value: T) => {
          clearTimeout(timer);
          resolve(value);
        };
        // A waiter that gave up must not swallow the next event.
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no event within ${ms} ms`));
        }, ms);
        waiters.push(waiter);
      });
    },
    dispose,
  };
}

export const SEND = `mutation($i: SendNotificationInput!) { sendNotification(input: $i) { id } }`;
export const RECEIVED = `subscription { notificationReceived { title body category recipient { id username } } }`;

/** Polls `condition` until it holds; the limit only keeps a broken run from hanging. */
export async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type Collected<T> = ReturnType<typeof collect<T>>;

/** The next event that `matches`, skipping others (e.g. late probes). */
export async function nextMatching<T>(events: Collected<T>, matches: (event: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const event = await events.next(Math.max(deadline - Date.now(), 1));
    if (matches(event)) return event;
  }
}

/**
 * Sends probes until `events` receives one, so the subscription is known to be live end to end (router, subgraph,
 * PubSub) instead of assumed after a pause. Probes that arrive later are skipped by nextMatching.
 */
export async function untilLive<T>(events: Collected<T>, sendProbe: () => Promise<unknown>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    await sendProbe();
    try {
      await events.next(100);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
