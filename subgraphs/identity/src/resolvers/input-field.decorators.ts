import { ArrayMaxSize, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID } from 'type-graphql';
import { optionalField, stacked, type Described } from '@platform/kit';
import { CODE_PATTERN as PERMISSION_PATTERN } from '../services/permission-codes';
import { MIN_PASSWORD_LENGTH } from '../services/password.service';

/** Identity's own validated input fields; the ones every subgraph shares are the kit's (input-field.decorators). */

const USERNAME_PATTERN = /^[A-Za-z0-9._@-]+$/;

export const UsernameField = () =>
  stacked(
    Field(),
    MinLength(2),
    MaxLength(64),
    Matches(USERNAME_PATTERN, { message: 'username may hold letters, digits and . _ @ - only' }),
  );

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
