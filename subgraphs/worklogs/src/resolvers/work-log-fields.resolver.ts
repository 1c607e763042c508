import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Employee, WorkLog } from '../entities';

/** References only: the router fetches the users' own fields from identity, so nothing is loaded here. */
@Resolver(() => WorkLog)
export class WorkLogFieldsResolver {
  // Nullable: identity answers null for an account deleted since, and the log must still be readable.
  @FieldResolver(() => Employee, { nullable: true, description: 'The employee who wrote it.' })
  employee(@Root() log: WorkLog): Employee {
    return { id: log.employeeId };
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'Who rated it.' })
  supervisor(@Root() log: WorkLog): Employee | null {
    return log.supervisorId ? { id: log.supervisorId } : null;
  }
}
