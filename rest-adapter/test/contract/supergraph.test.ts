import { ALL_ROUTES, validateOperations } from '../../src';
import { startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

it('every operation of the route tables validates against the supergraph composed from the running subgraphs', () => {
  expect(validateOperations(platform.liveSupergraphSdl(), ALL_ROUTES)).toEqual([]);
});
