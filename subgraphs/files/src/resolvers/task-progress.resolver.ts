import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { ExportTask } from '../entities/export-task.entity';
import { callerOf, type FilesContext } from '../files.context';
import { TASK_PROGRESS, type TaskProgressMessage } from '../services/export/task-progress.topic';

@Resolver()
export class TaskProgressResolver {
  @Subscription(() => ExportTask, {
    description: 'The task as it advances (status, progress, file name), to its requester only.',
    topics: TASK_PROGRESS,
    topicId: ({ args }: { args: { taskId: string } }) => args.taskId,
    // The channel is named by an argument, so each message is checked against the verified caller.
    filter: ({ payload, context }: { payload: TaskProgressMessage; context: FilesContext }) =>
      payload.ownerId === callerOf(context).userId,
  })
  taskProgress(@Arg('taskId', () => ID) _taskId: string, @Root() message: TaskProgressMessage, @Ctx() _ctx: FilesContext): ExportTask {
    return Object.assign(new ExportTask(), {
      ...message,
      createdAt: new Date(message.createdAt),
      updatedAt: new Date(message.updatedAt),
    });
  }
}
