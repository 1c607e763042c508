/**
 * Personal data as the CCO documents show it to whoever may not see it in full (decisions.md § CCO: masking):
 * `+63-917-***-**11`, `ID***456`, `****1234`, a partial address. Separators stay where they are, so a masked number
 * still reads as the number it stands for.
 */

/** Keeps the first five digits (country and operator) and the last two; other digits become `*`. */
export function maskMobile(value: string): string {
  const digits = value.replace(/\D/g, '').length;
  let seen = 0;
  return value.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= 5 || seen > digits - 2 ? d : '*';
  });
}

/** `ID123456` → `ID***456`: the first two and last three characters. */
export const maskIdNumber = (value: string): string =>
  value.length <= 5 ? '*'.repeat(value.length) : `${value.slice(0, 2)}***${value.slice(-3)}`;

/** `****1234`: the last four digits only. */
export const maskAccount = (value: string): string => `****${value.slice(-4)}`;

/** `c***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  return at < 1 ? '***' : `${value[0]}***${value.slice(at)}`;
}

/** The first third of the address (at most 12 characters), then `***`: the district, not the door. */
export const maskAddress = (value: string): string =>
  `${[...value].slice(0, Math.min(12, Math.floor([...value].length / 3))).join('')}***`;
