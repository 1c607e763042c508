import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind } from 'graphql';

export { Decimal };

/**
 * Exact decimal money: travels as a string so no client or hop turns it into binary floating point.
 */
export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: 'An exact decimal number, serialised as a string (e.g. "6500.00").',
  serialize(value) {
    if (value instanceof Decimal) return value.toFixed();
    if (typeof value === 'string' || typeof value === 'number') return new Decimal(value).toFixed();
    throw new TypeError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue(value) {
    return parseDecimal(value);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new TypeError('Decimal must be a string or a number literal');
  },
});

function parseDecimal(value: unknown): Decimal {
  if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError('Decimal must be a string or number');
  try {
    const d = new Decimal(value);
    if (!d.isFinite()) throw new Error();
    return d;
  } catch {
    throw new TypeError(`"${String(value)}" is not a decimal number`);
  }
}

/** Money for a JSON body that shows numbers: two decimals, as a number only at the very edge. */
export const money2 = (value: Decimal | string | number): number => Number(new Decimal(value).toFixed(2));
