import { join } from 'node:path';
import { defineSubgraph, type RunningSubgraph, type SubgraphDeps } from '@platform/kit';
import { worklogsConfigSchema, type WorklogsConfig } from './config';
import { orgDirectoryConsumer } from './consumers/org-directory.consumer';
import { WORKLOGS_ENTITIES } from './entities';
import { permissions } from './permissions';
import { employeeReference } from './resolvers/employee.reference';
import { EmployeeStatsResolver } from './resolvers/employee-stats.resolver';
import { WorkLogFieldsResolver } from './resolvers/work-log-fields.resolver';
import { workLogReference } from './resolvers/work-log.reference';
import { WorkLogResolver } from './resolvers/work-log.resolver';
import type { WorklogsContext } from './worklogs.context';

/** 004 work logs: one per employee per day, rated by the supervisor; adds work-log figures to identity's User. */
export const worklogs = defineSubgraph({
  name: 'worklogs',
  config: worklogsConfigSchema,
  entities: WORKLOGS_ENTITIES,
  resolvers: [WorkLogResolver, WorkLogFieldsResolver, EmployeeStatsResolver],
  references: { WorkLog: workLogReference, User: employeeReference },
  permissions,
  migrations: join(__dirname, 'migrations'),
  // Who supervises whom comes from identity's users and positions as identity announces them.
  consumers: [orgDirectoryConsumer],
});

export type WorklogsRuntime = RunningSubgraph<WorklogsConfig, WorklogsContext['services'], WorklogsContext>;
export type WorklogsDeps = SubgraphDeps;
