import type { EventConsumer, IRules, ReferenceResolvers } from '@platform/kit';

/**
 * One concept of collections (org, queues, cases, work, fields, config, dashboards, reports): its resolvers, entity
 * references, shield rules and bus consumers. collections.subgraph.ts composes the modules; a module never edits
 * another's files.
 */
export interface CollectionsModule {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes as `Function`
  resolvers: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes orphaned types as `Function`
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
  /** `{ Query: {…}, Mutation: {…}, SomeType: rule }`; merged per root type. */
  permissions: IRules;
  consumers?: readonly EventConsumer[];
}

/** The modules' rules as one shield map (root types merged field by field; a type named twice is a mistake). */
export function mergePermissions(modules: readonly CollectionsModule[]): IRules {
  const merged: Record<string, unknown> = {};
  for (const module of modules) {
    for (const [type, rules] of Object.entries(module.permissions)) {
      const roots = ['Query', 'Mutation', 'Subscription'];
      if (roots.includes(type)) {
        const current = (merged[type] ?? {}) as Record<string, unknown>;
        for (const field of Object.keys(rules as object)) {
          if (field in current) throw new Error(`collections: ${type}.${field} has two rules`);
        }
        merged[type] = { ...current, ...(rules as object) };
      } else {
        if (type in merged) throw new Error(`collections: type ${type} has two rules`);
        merged[type] = rules;
      }
    }
  }
  return merged as IRules;
}
