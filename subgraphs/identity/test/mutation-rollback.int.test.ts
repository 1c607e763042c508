import { describeMutationRollback } from './support/rollback-spec';

describe('one transaction per mutation on MariaDB', () => describeMutationRollback('mariadb'));
