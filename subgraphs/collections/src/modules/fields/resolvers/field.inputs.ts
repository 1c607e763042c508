import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NotBlank, optionalField } from '@platform/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { COLOR_TYPES, FIELD_DATA_TYPES, FIELD_SOURCES, SCENE_TYPES } from '../services/scenes';

@InputType({ description: 'How the tenant shows one field in a scene (CCO admin § 9.4).' })
export class FieldDisplayInput {
  @Field({ description: 'A standard field key, or a custom_fields key with fieldSource custom.' })
  @NotBlank()
  @MaxLength(100)
  fieldKey!: string;

  @Field({ description: 'The tenant’s name for it (column title, export header).' })
  @NotBlank()
  @MaxLength(100)
  fieldName!: string;

  @optionalField(() => String, { description: FIELD_DATA_TYPES.join(', ') + '; default String.' })
  @IsIn([...FIELD_DATA_TYPES], { message: `fieldDataType must be one of ${FIELD_DATA_TYPES.join(', ')}` })
  fieldDataType?: string;

  @optionalField(() => String, { description: 'standard (default) or custom.' })
  @IsIn([...FIELD_SOURCES], { message: 'fieldSource must be standard or custom' })
  fieldSource?: string;

  @optionalField(() => Int, { description: 'Default: the position in the list (1, 2, …).' })
  @IsInt()
  @Min(0)
  sortOrder?: number;

  @optionalField(() => Int, { description: 'Pixels.' })
  @IsInt()
  @Min(1)
  @Max(2000)
  displayWidth?: number | null;

  @optionalField(() => String, { description: COLOR_TYPES.join(', ') + '; default normal.' })
  @IsIn([...COLOR_TYPES], { message: `colorType must be one of ${COLOR_TYPES.join(', ')}` })
  colorType?: string;

  @optionalField(() => Boolean)
  @IsOptional()
  @IsBoolean()
  isSearchable?: boolean;

  @optionalField(() => Boolean)
  @IsBoolean()
  isFilterable?: boolean;

  @optionalField(() => Boolean)
  @IsBoolean()
  isRangeSearchable?: boolean;
}

@InputType({ description: 'A tenant’s whole display of one scene (CCO admin § 9.4 batch).' })
export class SetFieldDisplayInput {
  @optionalField(() => ID, { description: 'Required for the platform super admin; others configure their own tenant.' })
  tenantId?: string;

  @Field({ description: SCENE_TYPES.join(', ') + '.' })
  sceneType!: string;

  // An input object, not an argument list: the kit validates an input's nested items and names `fields.<i>.<field>`.
  @Field(() => [FieldDisplayInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  fields!: FieldDisplayInput[];
}
