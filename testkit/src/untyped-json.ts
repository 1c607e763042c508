/**
 * What a test reads from a GraphQL or REST response: JSON whose shape the test's own assertions check. `unknown`
 * would need a cast at every step of every expectation; the tests' lint block allows member access on this one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response data in tests is untyped JSON, checked by the assertions that read it
export type UntypedJson = any;
