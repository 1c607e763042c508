import { Field, InputType, Int } from 'type-graphql';
import { IsHexadecimal, Length, Matches, Max, Min } from 'class-validator';
import { FileCategory } from '../entities/stored-file.entity';

@InputType({ description: 'An upload the REST adapter has streamed into storage under a staging key.' })
export class RegisterUploadInput {
  @Field()
  @Matches(/^staging\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/)
  stagingKey!: string;

  @Field({ description: 'The name the client uploaded it under.' })
  @Length(1, 255)
  filename!: string;

  @Field(() => Int)
  @Min(0)
  @Max(10 * 1024 * 1024)
  size!: number;

  @Field()
  @IsHexadecimal()
  @Length(64, 64)
  sha256!: string;

  @Field()
  @Length(1, 200)
  contentType!: string;

  @Field(() => FileCategory)
  category!: FileCategory;
}
