import { eventEntities } from '@platform/kit';
import { DirectoryPosition } from './directory-position.entity';
import { DirectoryUser } from './directory-user.entity';
import { WorkLog } from './work-log.entity';

export { CompletionStatus } from './completion-status.enum';
export { Employee } from './employee.type';
export { DirectoryPosition, DirectoryUser, WorkLog };

/** Work logs, the projection of identity's users and positions, and the kit's outbox tables. */
export const WORKLOGS_ENTITIES = [WorkLog, DirectoryUser, DirectoryPosition, ...eventEntities];
