import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** POSTs a GraphQL operation to the router over HTTP. */
export async function gql<T = Record<string, any>>(
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
        const timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms);
        waiters.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
    dispose,
  };
}

export const SEND = `mutation($i: SendNotificationInput!) { sendNotification(input: $i) { id } }`;
export const RECEIVED = `subscription { notificationReceived { title body category recipient { id username } } }`;
