import type { RevocationList } from './auth';

/** The two ioredis commands used; typed structurally so callers pass their own client (`new Redis(url)`). */
export interface RedisLike {
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>;
  exists(...keys: string[]): Promise<number>;
}

/**
 * Revoked sessions shared by every instance of every service: logout on one identity instance is refused by the
 * router and all subgraphs at once. Keys expire with the longest access token, so the set never grows unbounded.
 */
export class RedisRevocationList implements RevocationList {
  constructor(
    private readonly redis: RedisLike,
    private readonly prefix = 'platform:revoked-session:',
  ) {}

  async revoke(sessionId: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + sessionId, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + sessionId)) > 0;
  }
}
