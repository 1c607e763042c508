import { Decimal } from '@platform/kit';

/** part / whole as a fraction with two decimals (half up), 0 when there is no whole; exact until the edge. */
export const rate = (part: number, whole: number): number =>
  whole === 0 ? 0 : new Decimal(part).div(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
