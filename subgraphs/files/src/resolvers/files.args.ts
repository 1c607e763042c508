import { PageArgs } from '@platform/kit';
import { ArgsType, Field } from 'type-graphql';
import { FileCategory } from '../entities/stored-file.entity';

@ArgsType()
export class FilesArgs extends PageArgs({ size: 20 }) {
  @Field(() => FileCategory, { nullable: true })
  category?: FileCategory;
}
