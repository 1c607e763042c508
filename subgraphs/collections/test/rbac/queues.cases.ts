import type { RbacCase } from '@platform/testkit';
import { ADMINS, CONSOLE } from './roles';

/** The queues module's operations (CCO admin § 7): the console reads (queues:view), admins write. */
export const queuesCases: Record<string, RbacCase> = {
  'Query.queues': { query: '{ queues { total } }', allow: CONSOLE },
  'Query.queueConfig': { query: '{ queueConfig(queueId: "999") { queueId } }', allow: CONSOLE },
  'Mutation.createQueue': {
    query: 'mutation { createQueue(input: { queueCode: "", queueName: "", overdueDaysStart: 1 }) { id } }',
    allow: ADMINS,
  },
  'Mutation.setQueueFieldConfig': { query: 'mutation { setQueueFieldConfig(input: { queueId: "999", fields: [] }) { queueId } }', allow: ADMINS },
};
