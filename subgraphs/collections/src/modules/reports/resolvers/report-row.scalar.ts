import { GraphQLScalarType, Kind } from 'graphql';
import type { Cell } from '../services/report-cells';

const isRow = (value: unknown): value is Cell[] => Array.isArray(value) && value.every((c) => c === null || typeof c === 'string');

/**
 * One report row as a single value: its cells in the columns' order, each text or null. A row is one leaf to
 * execute, plan and merge rather than one per cell, which keeps a 100,000-row export's garbage (and so the
 * process's memory) an order of magnitude smaller; the router counts it once.
 */
export const ReportRowScalar = new GraphQLScalarType<Cell[], Cell[]>({
  name: 'ReportRow',
  description: 'A report row: an array of cells in the columns\u2019 order, each a string or null.',
  serialize(value) {
    if (!isRow(value)) throw new TypeError('ReportRow must be an array of strings or nulls');
    return value;
  },
  parseValue(value) {
    if (!isRow(value)) throw new TypeError('ReportRow must be an array of strings or nulls');
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.LIST) throw new TypeError('ReportRow must be a list');
    return ast.values.map((v) => (v.kind === Kind.STRING ? v.value : null));
  },
});
