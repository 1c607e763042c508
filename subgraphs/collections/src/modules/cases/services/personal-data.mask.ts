import { hasPermission, isPlatformAdmin, type Caller } from '@platform/kit';

/**
 * Personal data as the CCO documents show it to callers without `cases:view_sensitive` (decisions.md § CCO): the
 * admin console and the collector app mask with these same functions.
 */
export const VIEW_SENSITIVE = 'cases:view_sensitive';

export const canSeePersonalData = (caller: Caller | null): boolean =>
  !!caller && (isPlatformAdmin(caller) || hasPermission(caller, VIEW_SENSITIVE));

/**
 * `+63-917-111-1111` → `+63-917-***-**11`: the country code and the operator prefix stay (the first two groups of a
 * grouped number, else the first five characters), every other digit but the last two becomes `*`; separators stay.
 */
export function maskMobile(mobile: string): string {
  const groups = mobile.split(/[-\s]/);
  const kept = groups.length > 2 ? groups[0].length + 1 + groups[1].length + 1 : Math.min(5, mobile.length);
  const head = mobile.slice(0, kept);
  const tail = mobile.slice(kept);
  let digitsLeft = (tail.match(/\d/g) ?? []).length;
  return head + tail.replace(/\d/g, (d) => (--digitsLeft < 2 ? d : '*'));
}

/** `ID123456` → `ID***456`: two leading and three trailing characters; short values show only the last one. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 5) return `***${idNumber.slice(-1)}`;
  return `${idNumber.slice(0, 2)}***${idNumber.slice(-3)}`;
}

/** `6222021234` → `****1234`: the last four digits. */
export const maskBankAccount = (account: string): string => `****${account.slice(-4)}`;

/** `马尼拉市中心区` → `马尼拉市***`: the first half (at most 10 characters), the city part of most addresses. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return `${chars.slice(0, Math.min(10, Math.ceil(chars.length / 2))).join('')}***`;
}

/** `user001@example.com` → `u***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/** A debtor's name as a notice shows it: first and last character kept (李小红 → 李*红, Li → L*). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
