import { ALL_ROUTES, validateOperations } from '../../src';
import { useTestPlatform } from '../support/platform';

const platform = useTestPlatform();

it('every operation of the route tables validates against the supergraph composed from the running subgraphs', () => {
  expect(validateOperations(platform.liveSupergraphSdl(), ALL_ROUTES)).toEqual([]);
});
