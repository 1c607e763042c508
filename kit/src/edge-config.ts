import { z } from 'zod';
import { commaList, invalidProxyEntries } from './client-address';

/**
 * Settings of a service that answers clients itself (router, REST adapter); spread into its config schema.
 * - `TRUSTED_PROXIES`: the load balancers / proxies whose X-Forwarded-For and X-Forwarded-Proto are believed
 *   (addresses, CIDRs, `loopback`, `linklocal`, `uniquelocal`), comma-separated. None by default.
 * - `CORS_ORIGINS`: exact browser origins allowed to call, comma-separated (no wildcard: list each one). Unset: none
 *   in production, pages on this machine (localhost, any port) in development; set but empty: none.
 */
export const edgeConfigShape = {
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const entries = commaList(value);
      for (const entry of invalidProxyEntries(entries)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an address, a CIDR range or loopback|linklocal|uniquelocal` });
      }
      return entries;
    }),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const entries = commaList(value);
      for (const entry of entries.filter((e) => !isOrigin(e))) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin (scheme://host[:port], no path, no wildcard)` });
      }
      return entries;
    }),
};

/** `https://app.example.com` is; `https://app.example.com/`, `*` and `app.example.com` are not. */
function isOrigin(entry: string): boolean {
  try {
    return new URL(entry).origin === entry;
  } catch {
    return false;
  }
}
