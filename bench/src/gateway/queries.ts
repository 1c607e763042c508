/** What is measured: the same client operation through the router and straight at the subgraph that owns it. */
export interface Scenario {
  id: 'one' | 'two';
  title: string;
  /** The subgraph the direct request goes to. */
  subgraph: 'identity' | 'activity';
  /** Sent to the router. */
  routerQuery: string;
  /** Sent to the subgraph: only the fields it can answer itself. */
  directQuery: string;
  /** Throws unless a response is the full, error-free answer (checked before and after each measurement). */
  check(data: unknown, expected: { users: number; notifications: number }): void;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'one',
    title: 'one subgraph: users(pageSize: 20)',
    subgraph: 'identity',
    routerQuery: 'query BenchUsers { users(pageSize: 20) { items { id username fullName } total } }',
    directQuery: 'query BenchUsers { users(pageSize: 20) { items { id username fullName } total } }',
    check(data, expected) {
      const page = (data as { users?: { items?: { username?: string }[] } }).users;
      const want = Math.min(20, expected.users);
      if (!page?.items || page.items.length < want || !page.items.every((u) => u.username)) {
        throw new Error(`users page incomplete: ${JSON.stringify(data).slice(0, 300)}`);
      }
    },
  },
  {
    id: 'two',
    title: 'two subgraphs: myNotifications(pageSize: 20) + recipient from identity',
    subgraph: 'activity',
    routerQuery:
      'query BenchNotifications { myNotifications(pageSize: 20) { items { id title recipient { id username } } } }',
    directQuery: 'query BenchNotifications { myNotifications(pageSize: 20) { items { id title recipient { id } } } }',
    check(data, expected) {
      const items = (data as { myNotifications?: { items?: { recipient?: { id?: string } }[] } }).myNotifications?.items;
      const want = Math.min(20, expected.notifications);
      if (!items || items.length < want || !items.every((n) => n.recipient?.id)) {
        throw new Error(`notifications page incomplete: ${JSON.stringify(data).slice(0, 300)}`);
      }
    },
  },
];
