import { Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CodeField, NameField, OptionalText } from '@platform/kit';
import { TargetTenantField } from './input-field.decorators';

@InputType()
export class PositionInput {
  @NameField()
  name!: string;

  @CodeField()
  code!: string;

  @OptionalText(2000)
  description?: string | null;

  @Field(() => Int)
  @Min(1)
  @Max(100)
  level!: number;

  @OptionalText(128)
  department?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @TargetTenantField()
  tenantId?: string | null;
}
