import { z } from 'zod';
import type { JsonSchema } from './family';
import type { Route } from './route';

/** How the OpenAPI and the contract checks word a pending field. */
export const pendingNote = (until: string) => `Not served yet: pending ${until}.`;

/**
 * The route's documented `data` without its pending fields: what it serves today. A route can only declare
 * pending fields of an object `response` (the route table's types make sure of it).
 */
export function servedResponse(route: Route): z.ZodType | undefined {
  if (!route.response || !route.pending?.fields.length) return route.response;
  if (!(route.response instanceof z.ZodObject)) throw new Error(`${route.method} ${route.path}: pending fields need an object response`);
  const pending = new Set<string>(route.pending.fields);
  return z.object(Object.fromEntries(Object.entries(route.response.shape).filter(([field]) => !pending.has(field))));
}

/** The OpenAPI form of `data`: pending fields stay documented but are no longer required, and say why. */
export function markPending(data: JsonSchema, route: Route): JsonSchema {
  const pending = route.pending;
  if (!pending?.fields.length) return data;
  const properties = { ...(data.properties as Record<string, JsonSchema>) };
  for (const field of pending.fields) {
    const property = properties[field] ?? {};
    const description = [property.description, pendingNote(pending.until)].filter(Boolean).join(' ');
    properties[field] = { ...property, description, 'x-pending': pending.until };
  }
  const fields: readonly string[] = pending.fields;
  const required = ((data.required ?? []) as string[]).filter((f) => !fields.includes(f));
  return { ...data, properties, required };
}
