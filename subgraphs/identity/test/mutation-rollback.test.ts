import { describeMutationRollback } from './support/rollback-spec';

describe('one transaction per mutation on SQLite', () => describeMutationRollback('sqlite'));
