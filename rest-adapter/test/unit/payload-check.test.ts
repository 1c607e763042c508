import { z } from 'zod';
import { localRoute, rateLimit, type Route } from '../../src';
import { hr004 } from '../../src/families';
import { payloadProblem } from '../support/payload-check';

// The contract tests' check of every answer (test/support/payload-check.ts) must be able to fail.
const routeAnswering = (extra: Partial<Route> = {}): Route => ({
  ...localRoute({
    method: 'GET',
    path: '/api/things/{id}',
    family: hr004,
    summary: 'a thing',
    rateLimit: rateLimit.none,
    auth: false,
    response: z.object({ id: z.string(), size: z.number().int(), tags: z.array(z.object({ name: z.string() })) }),
    run: async () => ({ body: null }),
  }),
  ...extra,
} as Route);

describe('payloadProblem', () => {
  it('accepts an answer that is what the response schema documents', () => {
    expect(payloadProblem(routeAnswering(), { id: '1', size: 2, tags: [{ name: 'a' }] })).toBeUndefined();
  });

  it('names a field of the wrong type or missing', () => {
    expect(payloadProblem(routeAnswering(), { id: 1, size: 2, tags: [] })).toMatch(/does not match.*\n.*id/s);
    expect(payloadProblem(routeAnswering(), { id: '1', tags: [] })).toMatch(/size/);
  });

  it('names a served field the schema does not document, nested too', () => {
    expect(payloadProblem(routeAnswering(), { id: '1', size: 2, tags: [{ name: 'a', colour: 'red' }], secret: 'x' })).toBe(
      'serves fields its response schema does not document: tags[0].colour, secret',
    );
  });

  it('checks what is served as JSON (a Date is a string on the wire)', () => {
    const route = routeAnswering({ response: z.object({ at: z.string() }) });
    expect(payloadProblem(route, { at: new Date(0) })).toBeUndefined();
  });

  it('a route without a response schema may answer no data only', () => {
    const route = routeAnswering({ response: undefined });
    expect(payloadProblem(route, undefined)).toBeUndefined();
    expect(payloadProblem(route, null)).toBeUndefined();
    expect(payloadProblem(route, { id: '1' })).toMatch(/documents none/);
  });

  it('accepts the absence of pending fields, and fails once they are served', () => {
    const route = routeAnswering({ pending: { fields: ['size'], until: 'the sizes subgraph' } });
    expect(payloadProblem(route, { id: '1', tags: [] })).toBeUndefined();
    expect(payloadProblem(route, { id: '1', size: 2, tags: [] })).toMatch(/serves size, which it declares pending \(the sizes subgraph\)/);
  });
});
