import { CollectionsClient } from '../support/harness';
import { collectorPerformanceSpec } from './collector-performance.spec';

describe('collector performance (MariaDB)', () => {
  collectorPerformanceSpec(() => CollectionsClient.start({}, {}, 'mariadb'));
});
