import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
export class BatchFailure {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  message!: string;
}

@ObjectType()
export class BatchResult {
  @Field()
  action!: string;

  @Field(() => [ID])
  succeeded!: string[];

  @Field(() => [BatchFailure])
  failed!: BatchFailure[];
}
