import { graphql, requestHeaders } from '../gateway/graphql-client';
import { RECEIVED } from './messages';

export interface PublicNotice {
  field: string;
  /** The document sent, with its one variable `$input` (or none). */
  query: string;
  /** The answer's field holding when the notice went out live (an announcement's `publishedAt`), if it has one. */
  publishedAtField?: string;
  variables: (title: string) => Record<string, unknown>;
}

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type InputField = { name: string; type: TypeRef };

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECT = `query BenchSchema { __schema { mutationType { fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } } } } }`;
const OUTPUT = `query BenchOutput($name: String!) { __type(name: $name) { fields { name } } }`;
const INPUT = `query BenchInput($name: String!) { __type(name: $name) { inputFields { name type { ${TYPE_REF} } } } }`;

const named = (type: TypeRef): string | null => type.name ?? (type.ofType ? named(type.ofType) : null);
const required = (type: TypeRef) => type.kind === 'NON_NULL';
/**
 * What the bench can fill in an input: the notice's own text, and for an announcement (CCO 10.5) its content and a
 * window that has started (a second ago, so it is pushed at once).
 */
const FILLABLE: Record<string, (title: string) => string> = {
  title: (t) => t,
  body: () => 'bench broadcast',
  content: () => 'bench broadcast',
  category: () => 'system',
  effectiveStart: () => new Date(Date.now() - 1_000).toISOString(),
};

/**
 * A mutation that sends one notification to everybody (public / broadcast), if the router's schema has one: a
 * mutation field whose name says public or broadcast, taking one input object whose required fields the bench can
 * fill (title, body or content, category, effectiveStart). Answers undefined, with the reason, otherwise.
 */
export async function findPublicNotice(routerUrl: string, token: string): Promise<{ found?: PublicNotice; reason: string }> {
  const schema = await graphql<{ __schema: { mutationType: { fields: { name: string; type: TypeRef; args: { name: string; type: TypeRef }[] }[] } } }>(
    routerUrl,
    INTROSPECT,
    { token },
  );
  const candidates = schema.__schema.mutationType.fields.filter((f) => /public|broadcast/i.test(f.name) && /notif|notice/i.test(f.name));
  if (!candidates.length) return { reason: 'the schema has no public/broadcast notification mutation' };
  const reasons: string[] = [];
  for (const field of candidates) {
    const requiredArgs = field.args.filter((a) => required(a.type));
    if (requiredArgs.length === 1 && requiredArgs[0].name === 'input') {
      const typeName = named(requiredArgs[0].type)!;
      const input = await graphql<{ __type: { inputFields: InputField[] } }>(routerUrl, INPUT, { token, variables: { name: typeName } });
      const fields = input.__type.inputFields;
      const missing = fields.filter((f) => required(f.type) && !FILLABLE[f.name]).map((f) => f.name);
      if (missing.length) {
        reasons.push(`${field.name}: cannot fill ${missing.join(', ')}`);
        continue;
      }
      const fill = fields.filter((f) => FILLABLE[f.name]);
      const output = await graphql<{ __type: { fields: { name: string }[] | null } | null }>(routerUrl, OUTPUT, { token, variables: { name: named(field.type) } });
      const publishedAtField = output.__type?.fields?.some((f) => f.name === 'publishedAt') ? 'publishedAt' : undefined;
      return {
        found: {
          field: field.name,
          publishedAtField,
          query: `mutation BenchBroadcast($input: ${typeName}!) { ${field.name}(input: $input) { __typename ${publishedAtField ?? ''} } }`,
          variables: (title) => ({ input: Object.fromEntries(fill.map((f) => [f.name, FILLABLE[f.name](title)])) }),
        },
        reason: `uses ${field.name}`,
      };
    }
    reasons.push(`${field.name}: arguments other than one input (${field.args.map((a) => a.name).join(', ')})`);
  }
  return { reason: `no usable public notification mutation (${reasons.join('; ')})` };
}

const SSE_PATHS = ['/graphql/stream', '/graphql/sse', '/stream', '/sse', '/graphql'];

/**
 * The router's graphql-sse endpoint, if it serves one: the first candidate path that answers a subscription with
 * 200 text/event-stream (distinct connections mode). The stream is dropped at once.
 */
export async function findSseEndpoint(routerOrigin: string, token: string): Promise<string | undefined> {
  for (const path of SSE_PATHS) {
    const controller = new AbortController();
    try {
      const response = await fetch(`${routerOrigin}${path}`, {
        method: 'POST',
        headers: { ...requestHeaders(token), accept: 'text/event-stream' },
        body: JSON.stringify({ query: RECEIVED }),
        signal: controller.signal,
      });
      const isStream = response.ok && (response.headers.get('content-type') ?? '').includes('text/event-stream');
      controller.abort();
      if (isStream) return `${routerOrigin}${path}`;
    } catch {
      controller.abort();
    }
  }
  return undefined;
}
