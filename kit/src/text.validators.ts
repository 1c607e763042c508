import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Text that must hold something: surrounding white space is trimmed off (the trimmed value is what the resolver
 * receives and stores), and a value that was only white space is refused, naming the field. For names, titles
 * and codes, never for passwords.
 */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate(value: unknown, args): boolean {
          if (typeof value !== 'string') return true; // the field's type check answers that
          const trimmed = value.trim();
          if (args && trimmed !== value) (args.object as Record<string, unknown>)[args.property] = trimmed;
          return trimmed.length > 0;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be blank`,
      },
    },
    options,
  );
}
