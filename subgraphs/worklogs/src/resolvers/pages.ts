import { PageType } from '@platform/kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { WorkLog } from '../entities';

export const WorkLogPage = PageType(WorkLog);

/** One page of an export: keyset-paged by id, so a long export never skips or repeats a row. */
@ObjectType()
export class WorkLogExportPage {
  @Field(() => Int, { description: 'Every matching log, all pages together.' })
  total!: number;

  @Field(() => [WorkLog], { description: 'Ordered by id ascending, after `afterId`.' })
  items!: WorkLog[];
}
