import type { FastifyInstance, FastifyRequest } from 'fastify';

const rawBodies = new WeakMap<FastifyRequest, string>();

/**
 * Keeps each JSON body's exact text next to its parsed value: a partner's signature covers the bytes it sent
 * (decisions.md § CCO), which re-serialising the parsed body would not reproduce. Parsing itself stays Fastify's
 * default (same limits, same errors, same prototype-poisoning refusal).
 */
export function keepRawJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    rawBodies.set(request, text);
    void parse(request, text, done); // Fastify's parser answers through `done`
  });
}

/** The JSON body exactly as received ('' when there was none). */
export const rawBodyOf = (request: FastifyRequest): string => rawBodies.get(request) ?? '';
