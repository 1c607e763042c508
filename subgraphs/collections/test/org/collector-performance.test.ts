import { CollectionsClient } from '../support/harness';
import { collectorPerformanceSpec } from './collector-performance.spec';

describe('collector performance (SQLite)', () => {
  collectorPerformanceSpec(() => CollectionsClient.start());
});
