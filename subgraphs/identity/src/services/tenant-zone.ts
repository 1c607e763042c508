import { IANAZone } from 'luxon';

/** Where a country has one zone people mean; countries spanning zones need `zone` given explicitly. */
const COUNTRY_ZONES: Record<string, string> = {
  PH: 'Asia/Manila',
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  TW: 'Asia/Taipei',
  SG: 'Asia/Singapore',
  MY: 'Asia/Kuala_Lumpur',
  TH: 'Asia/Bangkok',
  VN: 'Asia/Ho_Chi_Minh',
  IN: 'Asia/Kolkata',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  PK: 'Asia/Karachi',
  NG: 'Africa/Lagos',
  KE: 'Africa/Nairobi',
  GB: 'Europe/London',
};

export const isValidZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/**
 * The IANA zone local times of the tenant are rendered in: the one given, else the country's, else the fixed
 * offset the console shows (8 → Etc/GMT-8: the Etc names invert the sign), else UTC.
 */
export function zoneFor(t: { zone?: string | null; countryCode?: string | null; timezone?: number | null }): string {
  if (t.zone) return t.zone;
  const byCountry = t.countryCode ? COUNTRY_ZONES[t.countryCode.toUpperCase()] : undefined;
  if (byCountry) return byCountry;
  if (t.timezone !== null && t.timezone !== undefined && Number.isInteger(t.timezone)) {
    return t.timezone === 0 ? 'UTC' : `Etc/GMT${t.timezone > 0 ? '-' : '+'}${Math.abs(t.timezone)}`;
  }
  return 'UTC';
}
