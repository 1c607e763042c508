import { ArrayMaxSize, IsIn, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, optionalField, OptionalText, PageArgs } from '@platform/kit';
import { ArgsType, Field, InputType } from 'type-graphql';
import { FEEDBACK_TYPES, type FeedbackType } from '../entities/app-feedback.entity';

@InputType()
export class FeedbackDeviceInput {
  @OptionalText(128)
  deviceModel?: string;

  @OptionalText(64)
  osVersion?: string;

  @OptionalText(32)
  appVersion?: string;
}

@InputType({ description: 'Feedback from the collector app (CCO app § 12.2).' })
export class SubmitFeedbackInput {
  @Field(() => String, { description: 'bug, feature, complaint or other.' })
  @IsIn(FEEDBACK_TYPES, { message: `feedbackType must be one of ${FEEDBACK_TYPES.join(', ')}` })
  feedbackType!: FeedbackType;

  @Field(() => String)
  @NotBlank()
  @MaxLength(200)
  title!: string;

  @Field(() => String)
  @NotBlank()
  @MaxLength(5000)
  content!: string;

  @optionalField(() => [String], { description: 'Up to 9 http(s) links to screenshots.' })
  @ArrayMaxSize(9)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'images must be http(s) links' })
  @MaxLength(1000, { each: true })
  images?: string[];

  @optionalField(() => FeedbackDeviceInput)
  @ValidateNested()
  deviceInfo?: FeedbackDeviceInput;
}

@ArgsType()
export class AppFeedbackArgs extends PageArgs({ size: 20 }) {
  @optionalField(() => String)
  @IsIn(FEEDBACK_TYPES, { message: `feedbackType must be one of ${FEEDBACK_TYPES.join(', ')}` })
  feedbackType?: FeedbackType | null;
}
