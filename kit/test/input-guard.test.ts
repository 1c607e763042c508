import type { FormattedExecutionResult } from 'graphql';
import { Arg, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { captureLogs } from '@platform/testkit';
import {
  allow,
  buildFederatedSchema,
  createTokenSigner,
  MemoryRevocationList,
  Secret,
  serveSubgraph,
  type Served,
} from '../src';
import { bareRuntime } from './fixtures/bare-runtime';

@InputType()
class NoteInput {
  @Field() title!: string;
  @Field(() => [String], { nullable: true }) tags?: string[];
}

const stored: string[] = [];

@Resolver()
class NoteResolver {
  @Query(() => String)
  hello(): string {
    return 'hi';
  }

  @Mutation(() => String)
  note(@Arg('input') input: NoteInput, @Arg('author', { nullable: true }) author?: string): string {
    stored.push(input.title);
    return `${author ?? ''}${input.title}`;
  }

  @Mutation(() => Boolean)
  failInDatabase(): boolean {
    // What a driver throws: its message names tables, columns and values.
    throw Object.assign(new Error('SQLITE_CONSTRAINT: NOT NULL constraint failed: user.password_hash'), { code: 'SQLITE_CONSTRAINT' });
  }
}

const logs = captureLogs('error');
let served: Served;
beforeAll(async () => {
  const built = await buildFederatedSchema({
    resolvers: [NoteResolver],
    permissions: { Query: { hello: allow }, Mutation: { note: allow, failInDatabase: allow } },
  });
  const signer = createTokenSigner(new Secret('kit-input-guard-test-secret-0123456789'));
  // Development mode: the masking must not depend on production.
  served = await serveSubgraph(bareRuntime('notes', built, { signer, revocations: new MemoryRevocationList() }), {
    port: 0,
    production: false,
    logger: logs.logger,
  });
});
afterAll(() => served.close());
beforeEach(() => void (stored.length = 0));

async function post(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(served.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as FormattedExecutionResult;
}

const NOTE = 'mutation($input: NoteInput!, $author: String) { note(input: $input, author: $author) }';

describe('a NUL byte or another control character in any string is BAD_USER_INPUT naming the field', () => {
  test.each([
    ['an input field', { input: { title: 'a\u0000b' } }, 'input.title'],
    ['a list item', { input: { title: 'ok', tags: ['x', 'y\u0007'] } }, 'input.tags.1'],
    ['a scalar argument', { input: { title: 'ok' }, author: '\u001b[31m' }, 'author'],
    ['DEL', { input: { title: 'a\u007f' } }, 'input.title'],
  ])('%s', async (_, variables, field) => {
    const body = await post(NOTE, variables);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(stored).toEqual([]);
  });

  test('written inline in the document too', async () => {
    const body = await post('mutation { note(input: { title: "a\\u0000b" }) }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
  });

  test('tab, CR and LF are text', async () => {
    const body = await post(NOTE, { input: { title: 'line\tone\r\nline two' } });
    expect(body.errors).toBeUndefined();
    expect(stored).toEqual(['line\tone\r\nline two']);
  });
});

test("a database error's text never reaches a client, in development too: it is logged", async () => {
  const body = await post('mutation { failInDatabase }');
  expect(body.errors).toEqual([{ message: 'Internal server error', path: ['failInDatabase'], extensions: { code: 'INTERNAL' } }]);
  expect(JSON.stringify(body)).not.toMatch(/SQLITE|password_hash/);
  expect(logs.lines()).toEqual([
    expect.objectContaining({ msg: 'unexpected error', err: expect.objectContaining({ message: expect.stringMatching(/^SQLITE_CONSTRAINT/) }) }),
  ]);
});
