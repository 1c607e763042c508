import { z } from 'zod';
import { baseConfigShape, edgeConfigShape, loadConfig, productionGuards } from '@platform/kit';
import { TRUSTED_DOCUMENTS_MODES } from './trusted-documents/trusted-documents';

/** `identity=http://identity:4001/graphql,activity=http://activity:4002/graphql` → { identity: …, activity: … } */
const subgraphUrls = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const urls: Record<string, string> = {};
    for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
      const [name, url] = entry.split(/=(.*)/s, 2).map((s) => s?.trim());
      if (!name || !url || !URL.canParse(url)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not name=http://host:port/graphql` });
        continue;
      }
      urls[name] = url;
    }
    return urls;
  });

/** The operation allow-list (production option); shared with the all-in-one launcher. */
export const trustedDocumentsConfigShape = {
  TRUSTED_DOCUMENTS: z.enum(TRUSTED_DOCUMENTS_MODES).default('off'),
  /** Built by `npm run schema` from the REST adapter's operations. */
  TRUSTED_DOCUMENTS_PATH: z.string().default('schema/trusted-documents.json'),
  /** `true`: signed-in platform admins may run any document. */
  TRUSTED_DOCUMENTS_EXEMPT_ADMINS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
};

export const routerConfigSchema = z
  .object({
    ...baseConfigShape,
    ...edgeConfigShape,
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('0.0.0.0'),
    /** The committed, composed supergraph; relative paths are resolved from the working directory. */
    SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
    /** Every subgraph of the supergraph, by composition name; the WebSocket endpoint is the same URL. */
    SUBGRAPH_URLS: subgraphUrls,
    MAX_DEPTH: z.coerce.number().int().positive().optional(),
    MAX_ALIASES: z.coerce.number().int().nonnegative().optional(),
    MAX_COST: z.coerce.number().int().positive().optional(),
    ...trustedDocumentsConfigShape,
  })
  .superRefine((cfg, ctx) => {
    productionGuards(cfg, ctx);
    // Revocations (logout, stolen refresh tokens) are written by identity; only Redis shares them across processes.
    if (cfg.NODE_ENV === 'production' && !cfg.REDIS_URL) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'must be set in production (session revocations)' });
    }
  });

export type RouterConfig = z.output<typeof routerConfigSchema>;

/** The router's settings (separate-process mode), validated; fails fast naming every bad variable. */
export function loadRouterConfig(env: NodeJS.ProcessEnv = process.env): RouterConfig {
  return loadConfig('router', routerConfigSchema, env);
}
