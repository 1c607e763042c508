import type { RouterContext } from '../context';

/**
 * A fetch signed someone in (kit SIGNED_IN_EXTENSION): the operation's later fetches carry that session's token, so
 * the subgraphs resolve the rest of the answer (the account's profile elsewhere) as the account itself. They verify
 * the token as any other; the client holds it already, in the data of the same answer.
 */
export function adoptSignIn(context: Partial<RouterContext>, token: unknown): void {
  if (typeof token !== 'string' || !token || !context.headers) return;
  context.headers.authorization = `Bearer ${token}`;
}
