import { LeadsClient } from './support/harness';
import { tallyCases } from './support/tally-cases';

describe('the statistics tallies on libSQL', () => tallyCases(() => LeadsClient.start()));
