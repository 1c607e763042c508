import { LeadsClient } from './support/harness';
import { tallyCases } from './support/tally-cases';

describe('the statistics tallies on MariaDB', () => tallyCases(() => LeadsClient.start({}, {}, 'mariadb')));
