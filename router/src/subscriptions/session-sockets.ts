import { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { bearerToken, tokenExpiresAtMs, type Caller, type Logger, type RevocationList } from '@platform/kit';

/**
 * What the tracker needs of a stream (a WebSocket, an SSE response): closing it ends every operation it carries.
 * A WebSocket is closed with the code; an event stream ends after an error event.
 */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

interface Held {
  socket: ClosableSocket;
  sessionId: string;
  authorization: string;
  timer?: NodeJS.Timeout;
}

/** Longest a timer may wait (setTimeout's 32-bit limit); a later expiry is re-armed from there. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The sockets each session holds open. A socket authenticates once, at `connection_init`, and then lives as long
 * as the client wants; this tracker ends it with 4403 Forbidden when its session is revoked (logout, deactivation,
 * password reset, refresh-token reuse — on any instance) or its token expires, so no subscription outlives its
 * session.
 */
export class SessionSockets {
  private readonly bySession = new Map<string, Set<Held>>();
  private checking = false;

  /** Tracks `socket` until it closes or is ended; `expiresAtMs` is its token's expiry. Returns the release. */
  hold(socket: ClosableSocket, sessionId: string, authorization: string, expiresAtMs: number | undefined): () => void {
    const held: Held = { socket, sessionId, authorization };
    const sockets = this.bySession.get(sessionId) ?? new Set();
    sockets.add(held);
    this.bySession.set(sessionId, sockets);
    if (expiresAtMs !== undefined) this.arm(held, expiresAtMs);
    return () => this.release(held);
  }

  /** Ends every socket of a revoked session. */
  revoked(sessionId: string): void {
    for (const held of [...(this.bySession.get(sessionId) ?? [])]) this.end(held, 'Session revoked');
  }

  /**
   * Ends the sockets whose authorization no longer holds. A revocation notice can be lost (a pub/sub connection
   * dropping for a moment); this periodic re-check bounds how long a missed one goes unnoticed.
   */
  async recheck(stillValid: (authorization: string) => Promise<boolean>): Promise<void> {
    // A slow check (Redis under load) is not started again on top of itself.
    if (this.checking) return;
    this.checking = true;
    try {
      const all = [...this.bySession.values()].flatMap((set) => [...set]);
      await Promise.all(
        all.map(async (held) => {
          if (!(await stillValid(held.authorization))) this.end(held, 'Session revoked');
        }),
      );
    } finally {
      this.checking = false;
    }
  }

  /** Stops every timer; the sockets themselves are closed by the server's own shutdown. */
  clear(): void {
    for (const set of this.bySession.values()) for (const held of set) clearTimeout(held.timer);
    this.bySession.clear();
  }

  private arm(held: Held, expiresAtMs: number): void {
    const wait = expiresAtMs - Date.now();
    if (wait > MAX_TIMER_MS) {
      held.timer = setTimeout(() => this.arm(held, expiresAtMs), MAX_TIMER_MS);
    } else {
      held.timer = setTimeout(() => this.end(held, 'Token expired'), Math.max(0, wait));
    }
    // A pending expiry must not keep a stopping process alive.
    held.timer.unref();
  }

  private end(held: Held, reason: string): void {
    this.release(held);
    held.socket.close(CloseCode.Forbidden, reason);
  }

  private release(held: Held): void {
    clearTimeout(held.timer);
    const sockets = this.bySession.get(held.sessionId);
    sockets?.delete(held);
    if (sockets?.size === 0) this.bySession.delete(held.sessionId);
  }
}

export interface SessionWatchOptions {
  /** Verifies a `Bearer …` header value; null when absent, throws when invalid or revoked. */
  authenticate(authorization: string | undefined): Promise<Caller | null>;
  /** Notifies revoked sessions, whichever instance revoked them. */
  revocations: Pick<RevocationList, 'onRevoke'>;
  /** How often held streams are verified again, in case a revocation notice was lost (default 30 s). */
  recheckMs?: number;
  logger: Logger;
}

const RECHECK_MS = 30_000;

/**
 * The streams of every transport (graphql-ws, SSE) in one tracker, ended when their session is revoked (a notice
 * from any instance) or, should a notice be lost, at the next periodic re-check.
 */
export async function watchSessions(opts: SessionWatchOptions): Promise<{ sessions: SessionSockets; close(): Promise<void> }> {
  const sessions = new SessionSockets();
  const stopListening = await opts.revocations.onRevoke((sessionId) => {
    // Called from the revoker's own call (in process) or a Redis event: a failure here must not reach either.
    try {
      sessions.revoked(sessionId);
    } catch (error) {
      opts.logger.error({ err: error }, 'could not end the streams of a revoked session');
    }
  });
  const recheck = setInterval(() => void sessions.recheck(stillValid(opts)), opts.recheckMs ?? RECHECK_MS);
  recheck.unref();
  return {
    sessions,
    async close() {
      clearInterval(recheck);
      await stopListening();
      sessions.clear();
    },
  };
}

/** A stream whose token stopped verifying is ended; an error that says nothing about the token keeps it. */
function stillValid(opts: SessionWatchOptions) {
  return async (authorization: string): Promise<boolean> => {
    try {
      return (await opts.authenticate(authorization)) !== null;
    } catch (error) {
      if (error instanceof GraphQLError) return false;
      opts.logger.warn({ err: error }, 'could not re-check a subscription stream');
      return true;
    }
  };
}

/** When the bearer token in `authorization` expires (ms since the epoch), if it says. */
export function tokenExpiry(authorization: string): number | undefined {
  const token = bearerToken(authorization);
  return token ? tokenExpiresAtMs(token) : undefined;
}
