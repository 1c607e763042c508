import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * identity's User, extended by key: worklogs adds the employee's work-log figures (resolved in
 * employee-stats.resolver.ts). Everything else about the user the router fetches from identity.
 */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class Employee {
  @Field(() => ID)
  id!: string;
}
