import { dropDatabases, uniqueDatabaseUrl } from '@platform/testkit';
import { describeLiteralSearch } from './fixtures/like-spec';

const url = uniqueDatabaseUrl('like');
afterAll(() => dropDatabases(url));

describe('literal LIKE search on MariaDB', () => describeLiteralSearch(() => url));
