import { ArrayMaxSize, IsIn, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, Int } from 'type-graphql';
import { ID_PATTERN, NotBlank, optionalField, stacked } from '@platform/kit';

/** Validated input fields the org inputs share (codes people type, names, ids of the organisation). */

const CODE_PATTERN = /^[A-Za-z0-9_.-]+$/;

export const OrgCode = (name: string, required = true) =>
  stacked(
    required ? Field() : optionalField(() => String),
    MinLength(1),
    MaxLength(50),
    Matches(CODE_PATTERN, { message: `${name} may hold letters, digits and . _ - only` }),
  );

export const OrgName = (max: number, required = true) =>
  stacked(required ? Field() : optionalField(() => String), NotBlank(), MaxLength(max));

export const OrgId = (name: string, required = true) =>
  stacked(
    required ? Field(() => ID) : optionalField(() => ID),
    Matches(ID_PATTERN, { message: `${name} must be an id` }),
  );

export const Capacity = (name: string) => stacked(optionalField(() => Int), Min(0, { message: `${name} must be 0 or more` }));

export const OneOf = (name: string, values: readonly string[]) =>
  stacked(optionalField(() => String), IsIn([...values], { message: `${name} must be one of ${values.join(', ')}` }));

export const Tags = () => stacked(optionalField(() => [String]), ArrayMaxSize(50), MaxLength(50, { each: true }));
