import type { JsonSchema } from '../../src/framework/family';

/**
 * Whether a value fits the small JSON Schema subset the families' envelopes use (type, properties, required,
 * enum, const, anyOf): enough to hold every error body to its family's declared shape.
 */
export function fitsShape(value: unknown, schema: JsonSchema): boolean {
  if ('const' in schema) return JSON.stringify(value) === JSON.stringify(schema.const);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).some((s) => fitsShape(value, s));
  switch (schema.type) {
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      const required = (schema.required ?? []) as string[];
      if (!required.every((key) => key in record)) return false;
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.entries(properties).every(([key, s]) => !(key in record) || fitsShape(record[key], s));
    }
    default:
      return true;
  }
}
