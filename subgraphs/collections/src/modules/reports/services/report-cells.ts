import { registerEnumType } from 'type-graphql';

/**
 * How a report cell is written: every cell travels as text (exact: money as `4000.00`, times as ISO UTC) and its
 * column's type tells the writer what it is (a number with two decimals, a CCO time in the tenant's zone …).
 */
export enum ReportCellType {
  text = 'text',
  integer = 'integer',
  /** Money, two decimals (`4000.00`). */
  money = 'money',
  /** A fraction or rate (`0.90`). */
  decimal = 'decimal',
  /** `YYYY-MM-DD`. */
  date = 'date',
  /** An instant, ISO 8601 UTC; written as `YYYY-MM-DD HH:mm:ss` in the tenant's zone. */
  datetime = 'datetime',
}

registerEnumType(ReportCellType, { name: 'ReportCellType', description: 'How a report cell is to be written.' });

export type Cell = string | null;
