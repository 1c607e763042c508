import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface PhoneCheck {
  isValid: boolean;
  countryCode: string | null;
  numberType: string | null;
  formattedNumber: string | null;
  e164Number: string | null;
}

/**
 * Whether a number is a valid phone number (libphonenumber's full metadata): a number without a country prefix is
 * read in `defaultCountry`. Unparseable or invalid numbers are an answer (`isValid: false`), not an error.
 */
export function checkPhone(number: string, defaultCountry: CountryCode): PhoneCheck {
  const parsed = parsePhoneNumberFromString(number, defaultCountry);
  if (!parsed?.isValid()) return { isValid: false, countryCode: parsed?.country ?? null, numberType: null, formattedNumber: null, e164Number: null };
  return {
    isValid: true,
    countryCode: parsed.country ?? null,
    numberType: parsed.getType()?.toLowerCase() ?? null,
    formattedNumber: parsed.formatInternational(),
    e164Number: parsed.number,
  };
}
