import { forkForTenant, type Logger, type Orm } from '@platform/kit';
import { ExportTask, TaskStatus } from '../../entities/export-task.entity';
import type { ExportQueue } from './export-queue';
import { ExportInterrupted } from './export-runner';

type Run = (taskId: string, signal: AbortSignal) => Promise<void>;

/**
 * The embedded mode's queue: one task at a time in this process. Tasks survive a restart because they are rows:
 * at start every task still pending or processing (the process died while it ran) is queued again.
 */
export class InProcessExportQueue implements ExportQueue {
  private readonly waiting: string[] = [];
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(private readonly run: Run, private readonly logger: Logger) {}

  async requeueUnfinished(orm: Orm): Promise<void> {
    const tasks = await forkForTenant(orm.em, null).find(
      ExportTask,
      { status: { $in: [TaskStatus.pending, TaskStatus.processing] } },
      { orderBy: { createdAt: 'asc' } },
    );
    for (const task of tasks) await this.enqueue(task.id);
  }

  enqueue(taskId: string): Promise<void> {
    if (!this.waiting.includes(taskId)) this.waiting.push(taskId);
    this.running ??= this.drain();
    return Promise.resolve();
  }

  private async drain(): Promise<void> {
    for (let taskId = this.waiting.shift(); taskId && !this.abort.signal.aborted; taskId = this.waiting.shift()) {
      try {
        await this.run(taskId, this.abort.signal);
      } catch (error) {
        if (!(error instanceof ExportInterrupted)) this.logger.error({ err: error, taskId }, 'export task crashed');
      }
    }
    this.running = undefined;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.running;
  }
}
