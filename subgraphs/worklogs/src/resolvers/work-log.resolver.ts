import { PageArgs, type PageArgsType } from '@platform/kit';
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WorkLog } from '../entities';
import * as workLogs from '../services/work-log.service';
import type { WorklogsContext } from '../worklogs.context';
import { WorkLogExportPage, WorkLogPage } from './pages';
import { CreateWorkLogInput, RateWorkLogInput, UpdateWorkLogInput, WorkLogFilterInput } from './work-log.inputs';

// `page: Int = 1, pageSize: Int = 20` (≤ 100), as 004's list.
const PageOf20 = PageArgs({ size: 20 });

@Resolver()
export class WorkLogResolver {
  @Query(() => WorkLogPage, {
    description: "Newest day first. An employee sees their own, a supervisor also their reports', an admin all in the tenant.",
  })
  workLogs(
    @Ctx() ctx: WorklogsContext,
    @Args(() => PageOf20) page: PageArgsType,
    @Arg('filter', () => WorkLogFilterInput, { nullable: true }) filter?: WorkLogFilterInput | null,
  ) {
    return workLogs.listWorkLogs(ctx, filter, page.window());
  }

  @Query(() => WorkLog, { description: 'NOT_FOUND when absent or beyond the caller (another tenant included).' })
  workLog(@Arg('id', () => ID) id: string, @Ctx() ctx: WorklogsContext) {
    return workLogs.findWorkLog(ctx, id);
  }

  @Query(() => WorkLogExportPage, {
    description: "The export's pages: the list's rows and visibility, by id ascending after `afterId`, at most `first` (≤ 1000).",
  })
  workLogExportPage(
    @Ctx() ctx: WorklogsContext,
    @Arg('filter', () => WorkLogFilterInput, { nullable: true }) filter?: WorkLogFilterInput | null,
    @Arg('afterId', () => ID, { nullable: true }) afterId?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: workLogs.EXPORT_PAGE_MAX }) first?: number | null,
  ) {
    return workLogs.exportPage(ctx, filter, afterId, first ?? workLogs.EXPORT_PAGE_MAX);
  }

  @Mutation(() => WorkLog, { description: "The caller's log of a day; CONFLICT when that day already has one." })
  createWorkLog(@Arg('input') input: CreateWorkLogInput, @Ctx() ctx: WorklogsContext) {
    return workLogs.createWorkLog(ctx, input);
  }

  @Mutation(() => WorkLog, { description: 'The owner only, until it is rated (then CONFLICT). Absent fields stay unchanged.' })
  updateWorkLog(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateWorkLogInput, @Ctx() ctx: WorklogsContext) {
    return workLogs.updateWorkLog(ctx, id, input);
  }

  @Mutation(() => WorkLog, {
    description: "The employee's supervisor or a holder of worklogs:rate, once (then CONFLICT); notifies the employee.",
  })
  rateWorkLog(@Arg('id', () => ID) id: string, @Arg('input') input: RateWorkLogInput, @Ctx() ctx: WorklogsContext) {
    return workLogs.rateWorkLog(ctx, id, input);
  }
}
