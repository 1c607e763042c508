/** Static bounds on what one operation may ask for, checked before any subgraph is called. */
export interface Limits {
  /** Deepest field nesting (fragments followed, introspection fields included). */
  depth: number;
  /** Aliased fields in the operation, counted once per use of the fragment holding them. */
  aliases: number;
  /** Estimated fields resolved: each list multiplies its subtree by its page size (see operation-cost.ts). */
  cost: number;
}

export const DEFAULT_LIMITS: Limits = { depth: 12, aliases: 30, cost: 5000 };

/** The defaults with whatever is set (an `undefined` setting keeps the default). */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const set = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(set) };
}
