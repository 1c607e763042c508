import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '@platform/kit';
import type { ExportQueue } from './export-queue';
import { ExportInterrupted } from './export-runner';

export interface BullMqQueueOptions {
  redisUrl: string;
  prefix: string;
  lockMs: number;
  stalledCheckMs: number;
}

const QUEUE = 'export-tasks';

/**
 * Export tasks on BullMQ: every files instance is a worker. A worker that dies mid-export stops renewing its
 * lock; another worker's stalled-job check then takes the task over and runs it again from the start.
 */
export class BullMqExportQueue implements ExportQueue {
  private readonly connection: Redis;
  private readonly workerConnection: Redis;
  private readonly queue: Queue;
  private readonly worker: Worker;
  private readonly abort = new AbortController();

  constructor(run: (taskId: string, signal: AbortSignal) => Promise<void>, opts: BullMqQueueOptions, logger: Logger) {
    this.connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
    this.workerConnection = this.connection.duplicate();
    this.queue = new Queue(QUEUE, { connection: this.connection, prefix: opts.prefix });
    this.worker = new Worker(
      QUEUE,
      async (job) => {
        try {
          await run((job.data as { taskId: string }).taskId, this.abort.signal);
        } catch (error) {
          // Going away: never settle, so this worker reports nothing and the job's lock simply lapses.
          if (error instanceof ExportInterrupted) await new Promise<never>(() => undefined);
          throw error;
        }
      },
      {
        connection: this.workerConnection,
        prefix: opts.prefix,
        lockDuration: opts.lockMs,
        stalledInterval: opts.stalledCheckMs,
        maxStalledCount: 3,
        concurrency: 1,
      },
    );
    this.worker.on('error', (err) => logger.warn({ err }, 'export worker error'));
  }

  async enqueue(taskId: string): Promise<void> {
    await this.queue.add('export', { taskId }, { jobId: taskId, removeOnComplete: 1000, removeOnFail: 1000 });
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.worker.close(true);
    await this.queue.close();
    // Connections handed to BullMQ stay open unless their owner closes them.
    this.workerConnection.disconnect();
    this.connection.disconnect();
  }
}
