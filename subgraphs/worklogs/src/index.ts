import 'reflect-metadata';

export { worklogsConfigSchema, loadWorklogsConfig, type WorklogsConfig } from './config';
export type { WorklogsContext } from './worklogs.context';
export { WorklogsErrors } from './worklogs.errors';
export { worklogs, worklogs as subgraph, type WorklogsDeps, type WorklogsRuntime } from './worklogs.subgraph';
export { CompletionStatus, DirectoryPosition, DirectoryUser, WorkLog, WORKLOGS_ENTITIES } from './entities';
export { orgDirectoryConsumer } from './consumers/org-directory.consumer';
export { listen } from './main';
export { permissions } from './permissions';
