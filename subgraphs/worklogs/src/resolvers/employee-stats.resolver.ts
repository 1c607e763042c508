import { Ctx, Float, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Employee } from '../entities';
import { employeeStats } from '../loaders/employee-stats.loader';
import type { WorklogsContext } from '../worklogs.context';

/** What worklogs adds to identity's User: one grouped query per page of users (employee-stats.loader.ts). */
@Resolver(() => Employee)
export class EmployeeStatsResolver {
  @FieldResolver(() => Int, { description: "How many work logs the employee wrote (004 work_logs_count)." })
  async workLogCount(@Root() user: Employee, @Ctx() ctx: WorklogsContext): Promise<number> {
    return (await employeeStats(ctx).load(String(user.id))).count;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Average self rating, two decimals; null without one.' })
  async avgSelfRating(@Root() user: Employee, @Ctx() ctx: WorklogsContext): Promise<number | null> {
    return (await employeeStats(ctx).load(String(user.id))).avgSelfRating;
  }

  @FieldResolver(() => Float, { nullable: true, description: "Average supervisor rating, two decimals; null while unrated." })
  async avgSupervisorRating(@Root() user: Employee, @Ctx() ctx: WorklogsContext): Promise<number | null> {
    return (await employeeStats(ctx).load(String(user.id))).avgSupervisorRating;
  }
}
