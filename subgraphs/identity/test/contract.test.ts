import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { identity } from '../src';

/**
 * The REST adapter is written against contract/identity-api.graphql (a copy of the agreed contract): every type,
 * field, argument, type modifier and default it names must exist exactly so; identity may only add.
 */
function contract(): GraphQLSchema {
  const sdl = readFileSync(join(__dirname, 'contract', 'identity-api.graphql'), 'utf8').replace(/@key\(fields: "id"\)/g, '');
  return buildSchema(`${sdl}\nscalar DateTimeISO`);
}

type AnyField = GraphQLField<unknown, unknown> | GraphQLInputField;

function differences(expected: GraphQLSchema, actual: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(expected.getTypeMap())) {
    if (type.name.startsWith('__') || type.name === 'DateTimeISO') continue;
    const mine = actual.getType(type.name);
    if (!mine) {
      out.push(`type ${type.name} is missing`);
      continue;
    }
    if (isEnumType(type)) {
      const want = type.getValues().map((v) => v.name);
      const have = isEnumType(mine) ? mine.getValues().map((v) => v.name) : [];
      for (const v of want) if (!have.includes(v)) out.push(`enum ${type.name} lacks ${v}`);
      continue;
    }
    if (!(isObjectType(type) || isInputObjectType(type))) continue;
    if (!(isObjectType(mine) || isInputObjectType(mine))) {
      out.push(`${type.name} is not an object/input type`);
      continue;
    }
    const have = mine.getFields() as Record<string, AnyField>;
    for (const [name, field] of Object.entries(type.getFields() as Record<string, AnyField>)) {
      const got = have[name];
      if (!got) {
        out.push(`${type.name}.${name} is missing`);
        continue;
      }
      if (String(got.type) !== String(field.type)) out.push(`${type.name}.${name}: ${String(got.type)}, contract ${String(field.type)}`);
      if ('defaultValue' in field && field.defaultValue !== (got as GraphQLInputField).defaultValue) {
        out.push(`${type.name}.${name} defaults to ${String((got as GraphQLInputField).defaultValue)}`);
      }
      for (const arg of ('args' in field ? field.args : []) as GraphQLArgument[]) {
        const mineArg = ('args' in got ? got.args : []).find((a) => a.name === arg.name);
        if (!mineArg) out.push(`${type.name}.${name}(${arg.name}) is missing`);
        else if (String(mineArg.type) !== String(arg.type) || mineArg.defaultValue !== arg.defaultValue) {
          out.push(`${type.name}.${name}(${arg.name}): ${String(mineArg.type)} = ${String(mineArg.defaultValue)}, contract ${String(arg.type)} = ${String(arg.defaultValue)}`);
        }
      }
      for (const arg of ('args' in got ? got.args : []) as GraphQLArgument[]) {
        const known = ('args' in field ? field.args : []).some((a) => a.name === arg.name);
        if (!known && String(arg.type).endsWith('!') && arg.defaultValue === undefined) {
          out.push(`${type.name}.${name}(${arg.name}) is an added required argument`);
        }
      }
    }
  }
  return out;
}

test('the identity schema implements the contract exactly (additions only)', async () => {
  const { schema } = await identity.buildSchema();
  expect(differences(contract(), schema)).toEqual([]);
});

test('the contract check notices a change', () => {
  const changed = buildSchema(
    readFileSync(join(__dirname, 'contract', 'identity-api.graphql'), 'utf8')
      .replace(/@key\(fields: "id"\)/g, '')
      .replace('pageSize: Int = 20): UserPage!', 'pageSize: Int! = 50): UserPage!') + '\nscalar DateTimeISO',
  );
  expect(differences(contract(), changed)).toEqual(['Query.users(pageSize): Int! = 50, contract Int = 20']);
});
