import { ArrayMaxSize, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ACTION_PATTERN } from '../services/permission-codes';

@InputType()
export class MenuGrantInput {
  @Field(() => ID)
  menuId!: string;

  @Field(() => [String], { description: 'e.g. ["view", "create", "update", "delete"]' })
  @ArrayMaxSize(50)
  @Matches(ACTION_PATTERN, { each: true, message: 'actions must be lower-case words like view' })
  actions!: string[];
}
