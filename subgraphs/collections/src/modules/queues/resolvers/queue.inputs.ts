import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { NotBlank, optionalField, OptionalText, PageArgs } from '@platform/kit';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new queue (CCO admin § 7.2).' })
export class CreateQueueInput {
  @optionalField(() => ID, { description: 'Required for the platform super admin; others create in their own tenant.' })
  tenantId?: string;

  @Field()
  @NotBlank()
  @MaxLength(50)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'queueCode must be letters, digits, _ or -' })
  queueCode!: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  queueName!: string;

  @OptionalText(100)
  queueNameEn?: string;

  @OptionalText(500)
  queueDescription?: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  overdueDaysStart!: number;

  @optionalField(() => Int, { description: 'Inclusive; leave out (or null) for no upper bound.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  overdueDaysEnd?: number | null;

  @optionalField(() => Int)
  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;

  @optionalField(() => Boolean)
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

@InputType({ description: 'How a queue shows one case field.' })
export class QueueFieldConfigInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  fieldKey!: string;

  @Field({ defaultValue: true })
  isVisible: boolean = true;

  @Field({ defaultValue: false })
  isRequired: boolean = false;

  @optionalField(() => Int, { description: 'Default: the position in the list (1, 2, …).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;
}

@InputType({ description: 'A queue’s whole field configuration; an empty list returns it to the default.' })
export class SetQueueFieldConfigInput {
  @Field(() => ID)
  queueId!: string;

  // An input object, not an argument list: the kit validates an input's nested items and names `fields.<i>.<field>`.
  @Field(() => [QueueFieldConfigInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  fields!: QueueFieldConfigInput[];
}

export const QueuesPageArgs = PageArgs({ size: 10, max: 100 });

@ArgsType()
export class QueuesArgs extends QueuesPageArgs {
  @optionalField(() => ID, { description: 'The super admin: one tenant (default every tenant). Others: their own.' })
  tenantId?: string;

  @optionalField(() => Boolean)
  isActive?: boolean;
}
