import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Secret } from './config';
import { unauthenticated } from './errors';

/** How far a caller's reads reach, widest first. */
export const DATA_SCOPES = ['platform', 'tenant', 'agency', 'team_group', 'team', 'own'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

/** Who is calling: verified from the token by the router and again by every subgraph. */
export interface Caller {
  userId: string;
  username: string;
  /** null only for platform-level accounts (the super admin). */
  tenantId: string | null;
  roles: string[];
  /** `resource:action` codes; `*` grants everything. */
  permissions: string[];
  scope: DataScope;
  sessionId: string;
  /**
   * Set only on a token a subgraph mints to act for the caller in another subgraph: the minting subgraph's name
   * (collections managing a collector's identity account after checking the caller's agency scope). Tokens issued at
   * sign-in never carry it, so a rule can accept an operation only when it comes through that subgraph.
   */
  actingThrough?: string;
}

export const hasPermission = (caller: Caller | null | undefined, code: string): boolean =>
  !!caller && (caller.permissions.includes('*') || caller.permissions.includes(code));

export const hasRole = (caller: Caller | null | undefined, role: string): boolean =>
  !!caller && caller.roles.includes(role);

export const isPlatformAdmin = (caller: Caller | null | undefined): boolean => caller?.scope === 'platform';

interface AccessClaims {
  typ: 'access';
  sub: string;
  usr: string;
  tid: string | null;
  rol: string[];
  prm: string[];
  scp: DataScope;
  sid: string;
  via?: string;
}

export interface TokenSigner {
  /** Signs an access token for the caller; `ttlSeconds` per contract (2 h for HR, 24 h for the collector app). */
  signAccess(caller: Caller, ttlSeconds: number): string;
  verifyAccess(token: string): Caller;
}

const ISSUER = 'platform-identity';

/** Verified tokens kept at most; the map is cleared when full (tokens are short-lived, so it refills cheaply). */
const VERIFIED_CACHE_SIZE = 10_000;

export function createTokenSigner(secret: Secret): TokenSigner {
  // A KeyObject once: given a string, jsonwebtoken first tries to parse it as a public key on every call.
  const key = createSecretKey(Buffer.from(secret.reveal()));
  // Every hop (router, then each subgraph) verifies the same token; the signature check is the costly part.
  // Revocation is still asked on every request by authenticate(), so sign-out takes effect at once.
  const verified = new Map<string, { caller: Caller; expiresAtMs: number }>();
  const invalid = () => unauthenticated('Token is invalid or expired', { reason: 'INVALID_TOKEN' });
  return {
    signAccess(caller, ttlSeconds) {
      const claims: AccessClaims = {
        typ: 'access',
        sub: caller.userId,
        usr: caller.username,
        tid: caller.tenantId,
        rol: caller.roles,
        prm: caller.permissions,
        scp: caller.scope,
        sid: caller.sessionId,
        ...(caller.actingThrough ? { via: caller.actingThrough } : {}),
      };
      return jwt.sign(claims, key, { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER });
    },
    verifyAccess(token) {
      const hit = verified.get(token);
      if (hit) {
        if (hit.expiresAtMs > Date.now()) return hit.caller;
        verified.delete(token);
        throw invalid();
      }
      let claims: AccessClaims & { exp: number };
      try {
        claims = jwt.verify(token, key, { algorithms: ['HS256'], issuer: ISSUER }) as AccessClaims & { exp: number };
      } catch {
        throw invalid();
      }
      if (claims.typ !== 'access') throw invalid();
      const caller: Caller = {
        userId: claims.sub,
        username: claims.usr,
        tenantId: claims.tid,
        roles: claims.rol,
        permissions: claims.prm,
        scope: claims.scp,
        sessionId: claims.sid,
        ...(claims.via ? { actingThrough: claims.via } : {}),
      };
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.clear();
      verified.set(token, { caller, expiresAtMs: claims.exp * 1000 });
      return caller;
    },
  };
}

/** `Bearer <token>` → token, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** When a token stops being valid (ms since epoch). Read without verifying: only for a token verified already. */
export function tokenExpiresAtMs(token: string): number | undefined {
  const claims = jwt.decode(token);
  return typeof claims === 'object' && typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
}

/**
 * Revoked sessions (logout, refresh-token reuse, remote sign-out). Access tokens are short-lived and
 * stateless, so every verifier also asks this list; entries expire with the longest access token.
 */
export interface RevocationList {
  revoke(sessionId: string, ttlSeconds: number): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
  /**
   * Calls `listener` with every session revoked from now on, by any instance sharing the list, so holders of
   * long-lived connections (subscriptions) can end them at once. Resolves, once listening, to an unsubscribe.
   */
  onRevoke(listener: RevocationListener): Promise<() => Promise<void>>;
}

export type RevocationListener = (sessionId: string) => void;

export class MemoryRevocationList implements RevocationList {
  private readonly until = new Map<string, number>();
  private readonly listeners = new Set<RevocationListener>();
  // The interface is asynchronous for the Redis list; this one answers at once.
  revoke(sessionId: string, ttlSeconds: number): Promise<void> {
    this.until.set(sessionId, Date.now() + ttlSeconds * 1000);
    for (const listener of this.listeners) listener(sessionId);
    return Promise.resolve();
  }
  onRevoke(listener: RevocationListener): Promise<() => Promise<void>> {
    // Wrapped so the same function registered twice is two listeners, each removed by its own unsubscribe.
    const registered: RevocationListener = (sessionId) => listener(sessionId);
    this.listeners.add(registered);
    return Promise.resolve(() => {
      this.listeners.delete(registered);
      return Promise.resolve();
    });
  }
  isRevoked(sessionId: string): Promise<boolean> {
    const until = this.until.get(sessionId);
    if (until === undefined) return Promise.resolve(false);
    if (until < Date.now()) {
      this.until.delete(sessionId);
      return Promise.resolve(false);
    }
    return Promise.resolve(true);
  }
}

/** Verifies an `Authorization` header into a caller: anonymous when absent, an error when invalid or revoked. */
export async function authenticate(
  signer: TokenSigner,
  revocations: RevocationList,
  authorization: string | string[] | undefined,
): Promise<Caller | null> {
  const token = bearerToken(authorization);
  if (!token) {
    if (authorization) throw unauthenticated('Token is invalid or expired', { reason: 'INVALID_TOKEN' });
    return null;
  }
  const caller = signer.verifyAccess(token);
  if (await revocations.isRevoked(caller.sessionId)) {
    throw unauthenticated('Token is invalid or expired', { reason: 'SESSION_REVOKED' });
  }
  return caller;
}
