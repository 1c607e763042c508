import { registerEnumType } from 'type-graphql';

/** 004 `completion_status`. */
export enum CompletionStatus {
  completed = 'completed',
  in_progress = 'in_progress',
  pending = 'pending',
}
registerEnumType(CompletionStatus, { name: 'WorkLogCompletionStatus' });
