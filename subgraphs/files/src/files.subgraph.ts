import { join } from 'node:path';
import { createStorage, defineSubgraph, httpGraphAccess, type RunningSubgraph, type SubgraphDeps } from '@platform/kit';
import { filesConfigSchema, type FilesConfig } from './config';
import { FILES_ENTITIES } from './entities';
import { UserStub } from './entities/user.stub';
import type { FilesContext, FilesServices } from './files.context';
import { permissions } from './permissions';
import { ExportTaskResolver } from './resolvers/export-task.resolver';
import { StoredFileResolver } from './resolvers/stored-file.resolver';
import { storedFileReference } from './resolvers/stored-file.reference';
import { TaskProgressResolver } from './resolvers/task-progress.resolver';
import { UserAvatarResolver, userReference } from './resolvers/user-avatar.resolver';
import { BullMqExportQueue } from './services/export/bullmq.queue';
import { runExportTask } from './services/export/export-runner';
import { InProcessExportQueue } from './services/export/in-process.queue';

/** Stored files (uploads, export results) and the platform's export tasks. */
export const files = defineSubgraph({
  name: 'files',
  config: filesConfigSchema,
  entities: FILES_ENTITIES,
  resolvers: [StoredFileResolver, ExportTaskResolver, TaskProgressResolver, UserAvatarResolver],
  orphanedTypes: [UserStub],
  references: { StoredFile: storedFileReference, User: userReference },
  permissions,
  migrations: join(__dirname, 'migrations'),
  reachesGraph: true,
  services({ config, orm, signer, pubSub, logger, graph }): FilesServices {
    const storage = createStorage(config);
    const runnerDeps = {
      orm,
      storage,
      signer,
      pubSub,
      logger,
      graph: graph ?? httpGraphAccess(config.ROUTER_URL),
      pageSize: config.EXPORT_PAGE_SIZE,
    };
    const run = (taskId: string, signal: AbortSignal) => runExportTask(runnerDeps, taskId, signal);
    if (config.REDIS_URL) {
      const exports = new BullMqExportQueue(
        run,
        {
          redisUrl: config.REDIS_URL,
          prefix: config.EXPORT_QUEUE_PREFIX,
          lockMs: config.EXPORT_LOCK_MS,
          stalledCheckMs: config.EXPORT_STALLED_CHECK_MS,
        },
        logger,
      );
      return { config, storage, exports };
    }
    const exports = new InProcessExportQueue(run, logger);
    exports.requeueUnfinished(orm).catch((err: unknown) => logger.error({ err }, 'unfinished exports not requeued'));
    return { config, storage, exports };
  },
  async closeServices({ storage, exports }) {
    await exports.close();
    await storage.close();
  },
});

export type FilesRuntime = RunningSubgraph<FilesConfig, FilesServices, FilesContext>;
export type FilesDeps = SubgraphDeps;
