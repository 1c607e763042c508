import type { RevocationList, RevocationListener } from './auth';

/** The ioredis commands used; typed structurally so callers pass their own client (`new Redis(url)`). */
export interface RedisLike {
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>;
  exists(...keys: string[]): Promise<number>;
  publish(channel: string, message: string): Promise<unknown>;
  /** A new connection with the same settings: a subscribed connection can run no other command. */
  duplicate(): RedisSubscriberLike;
}

export interface RedisSubscriberLike {
  subscribe(channel: string): Promise<unknown>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  quit(): Promise<unknown>;
}

/**
 * Revoked sessions shared by every instance of every service: logout on one identity instance is refused by the
 * router and all subgraphs at once. Keys expire with the longest access token, so the set never grows unbounded.
 * Each revocation is also published on a channel, so every instance can end the connections the session holds.
 */
export class RedisRevocationList implements RevocationList {
  private readonly channel: string;

  constructor(
    private readonly redis: RedisLike,
    private readonly prefix = 'platform:revoked-session:',
  ) {
    // Channels and keys are separate namespaces in Redis: the prefix alone keeps test runs apart.
    this.channel = `${prefix}revoked`;
  }

  async revoke(sessionId: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + sessionId, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)));
    await this.redis.publish(this.channel, sessionId);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + sessionId)) > 0;
  }

  async onRevoke(listener: RevocationListener): Promise<() => Promise<void>> {
    const subscriber = this.redis.duplicate();
    subscriber.on('message', (channel, sessionId) => {
      if (channel === this.channel) listener(sessionId);
    });
    try {
      await subscriber.subscribe(this.channel);
    } catch (error) {
      await subscriber.quit().catch(() => undefined);
      throw error;
    }
    return async () => {
      await subscriber.quit();
    };
  }
}
