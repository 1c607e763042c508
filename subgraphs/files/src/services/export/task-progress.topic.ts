/** PubSub topic of task progress; the task id is the topic id. */
export const TASK_PROGRESS = 'TASK_PROGRESS';

/** What travels on the PubSub (JSON-safe: with Redis it crosses processes). */
export interface TaskProgressMessage {
  id: string;
  ownerId: string;
  tenantId: number | null;
  kind: string;
  status: string;
  progress: number;
  totalRows: number | null;
  fileName: string | null;
  fileId: string | null;
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
}
