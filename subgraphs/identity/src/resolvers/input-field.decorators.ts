import { ArrayMaxSize, IsEmail, IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NotBlank } from '@platform/kit';
import { Field, ID, Int } from 'type-graphql';
import { CODE_PATTERN as PERMISSION_PATTERN } from '../services/permission-codes';
import { MIN_PASSWORD_LENGTH } from '../services/password.service';

/**
 * The validated fields the create and update inputs share, one decorator each, so a rule (a length, a pattern,
 * its message) is written once. Create inputs require what updates leave optional; in an update, an absent or
 * null optional field means "leave it" or "clear it" as the input says.
 */

interface Described {
  description?: string;
}

/** Several property decorators as one, applied as if stacked above the property in this order. */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
}

const optionalField = (type: () => object, options: Described = {}) =>
  stacked(Field(type, { nullable: true, ...options }), IsOptional());

const USERNAME_PATTERN = /^[A-Za-z0-9._@-]+$/;
const CODE_PATTERN = /^[A-Za-z0-9_.-]+$/;
const CODE_MESSAGE = 'code may hold letters, digits and . _ - only';

/** Text up to `max` characters, optional. */
export const OptionalText = (max: number, options?: Described) =>
  stacked(optionalField(() => String, options), NotBlank(), MaxLength(max));

/** A display name: 1 to 128 characters. */
export const NameField = () => stacked(Field(), NotBlank(), MaxLength(128));
export const OptionalNameField = () => stacked(optionalField(() => String), NotBlank(), MaxLength(128));

/** A position's or role's code. */
export const CodeField = () =>
  stacked(Field(), MinLength(1), MaxLength(64), Matches(CODE_PATTERN, { message: CODE_MESSAGE }));

export const UsernameField = () =>
  stacked(
    Field(),
    MinLength(2),
    MaxLength(64),
    Matches(USERNAME_PATTERN, { message: 'username may hold letters, digits and . _ @ - only' }),
  );

export const EmailField = () =>
  stacked(optionalField(() => String), IsEmail({}, { message: 'email must be an e-mail address' }), MaxLength(255));

export const PasswordField = () => stacked(Field(), MinLength(MIN_PASSWORD_LENGTH), MaxLength(256));
export const OptionalPasswordField = () =>
  stacked(optionalField(() => String), MinLength(MIN_PASSWORD_LENGTH), MaxLength(256));

/** The tenant a platform caller creates in. */
export const TargetTenantField = (): PropertyDecorator =>
  Field(() => ID, { nullable: true, description: 'Required for platform callers; others create in their own tenant.' });

/** One `resource:action` code, optional. */
export const PermissionField = (options?: Described) =>
  stacked(
    optionalField(() => String, options),
    Matches(PERMISSION_PATTERN, { message: 'permission must be a code like employees:view' }),
  );

/** `resource:action` codes, optional. */
export const PermissionsField = (options?: Described) =>
  stacked(
    optionalField(() => [String], options),
    ArrayMaxSize(500),
    Matches(PERMISSION_PATTERN, { each: true, message: 'permissions must be codes like employees:view' }),
  );

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
