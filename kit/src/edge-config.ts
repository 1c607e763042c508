import { z } from 'zod';
import { commaList, invalidProxyEntries } from './client-address';

/**
 * Settings of a service that answers clients itself (router, REST adapter); spread into its config schema.
 * - `TRUSTED_PROXIES`: the load balancers / proxies whose X-Forwarded-For and X-Forwarded-Proto are believed
 *   (addresses, CIDRs, `loopback`, `linklocal`, `uniquelocal`), comma-separated. None by default.
 * - `CORS_ORIGINS`: browser origins allowed to call, comma-separated (`*` for any). Unset: none in production, any
 *   in development; set but empty: none.
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
    .transform((value) => (value === undefined ? undefined : commaList(value))),
};
