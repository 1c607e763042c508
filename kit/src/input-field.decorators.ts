import { IsEmail, IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, Int } from 'type-graphql';
import { NotBlank } from './text.validators';

/**
 * Validated input fields every subgraph's create and update inputs share, one decorator each, so a rule (a
 * length, a pattern, its message) is written once. Create inputs require what updates leave optional; in an
 * update, an absent or null optional field means "leave it" or "clear it" as the input says.
 */

export interface Described {
  description?: string;
}

/** Several property decorators as one, applied as if stacked above the property in this order. */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
}

/** A nullable GraphQL field the validators skip when absent. */
export const optionalField = (type: () => object, options: Described = {}) =>
  stacked(Field(type, { nullable: true, ...options }), IsOptional());

const CODE_PATTERN = /^[A-Za-z0-9_.-]+$/;
const CODE_MESSAGE = 'code may hold letters, digits and . _ - only';

/** Text up to `max` characters, optional; when given, not only white space (trimmed). */
export const OptionalText = (max: number, options?: Described) =>
  stacked(optionalField(() => String, options), NotBlank(), MaxLength(max));

/** A display name: 1 to 128 characters, trimmed, not only white space. */
export const NameField = () => stacked(Field(), NotBlank(), MaxLength(128));
export const OptionalNameField = () => stacked(optionalField(() => String), NotBlank(), MaxLength(128));

/** A code people type and systems match on (a position's, a role's). */
export const CodeField = () =>
  stacked(Field(), MinLength(1), MaxLength(64), Matches(CODE_PATTERN, { message: CODE_MESSAGE }));

export const EmailField = () =>
  stacked(optionalField(() => String), IsEmail({}, { message: 'email must be an e-mail address' }), MaxLength(255));

export const CountryCodeField = (options?: Described) =>
  stacked(
    optionalField(() => String, options),
    Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two capital letters (ISO 3166-1)' }),
  );

export const CurrencyCodeField = (options?: Described) =>
  stacked(
    optionalField(() => String, options),
    Matches(/^[A-Z]{3}$/, { message: 'currencyCode must be three capital letters (ISO 4217)' }),
  );

/** A UTC offset in whole hours. */
export const TimezoneField = (options?: Described) => stacked(optionalField(() => Int, options), Min(-12), Max(14));
