import { Field, ID, ObjectType } from 'type-graphql';
import { ReportCellType, type Cell } from '../services/report-cells';
import { ReportRowScalar } from './report-row.scalar';

/** One column of a report: its key, the header the tenant knows it by, and how its cells are written. */
@ObjectType()
export class ReportColumn {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  header!: string;

  @Field(() => ReportCellType)
  type!: ReportCellType;
}

/**
 * A keyset page of a report's rows, each one `ReportRow` value (its cells in the columns' order), so the router's
 * cost estimate of a page is its row count (plus 3) however many columns it has: a page of 1,000 rows fits the
 * default cost limit of 5,000.
 */
@ObjectType()
export class ReportRows {
  @Field(() => [ReportRowScalar], { description: 'Cells as text: money `4000.00`, times ISO 8601 UTC, null when empty.' })
  rows!: Cell[][];

  @Field(() => ID, { nullable: true, description: 'The key of the last row: the next page starts after it.' })
  lastId!: string | null;

  @Field(() => Boolean, { description: 'Whether another page may follow.' })
  hasMore!: boolean;
}
