/** Where export tasks wait for a worker: BullMQ on Redis (REDIS_URL), else one in-process lane. */
export interface ExportQueue {
  enqueue(taskId: string): Promise<void>;
  /** Stops taking tasks; a running one is interrupted and left for the next worker (or the next start). */
  close(): Promise<void>;
}
