import { type EntityProperty, type Platform, Type } from '@mikro-orm/core';
import Decimal from 'decimal.js';

/** Largest amount a BIGINT of cents holds exactly, with room for sums of many rows. */
const MAX_CENTS = new Decimal('9e15');

/**
 * Money with two decimals stored as a BIGINT of cents, read as a decimal.js `Decimal`. Unlike `DecimalType` (TEXT on
 * libSQL), SQL can sort and sum it exactly on both dialects: `SUM(outstanding_amount)` is an integer of cents, which
 * `centsToDecimal` turns back into money. Use it where SQL aggregates or orders amounts (collections' cases, PTPs,
 * repayments).
 */
export class MoneyType extends Type<Decimal | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(value: Decimal.Value | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    const amount = new Decimal(value);
    if (!amount.isFinite()) throw new Error(`Money ${amount.toString()} is not finite`);
    if (amount.decimalPlaces() > 2) throw new Error(`Money ${amount.toString()} has more than 2 decimal places`);
    const cents = amount.mul(100);
    if (cents.abs().gt(MAX_CENTS)) throw new Error(`Money ${amount.toString()} is out of range`);
    return cents.toFixed(0);
  }

  override convertToJSValue(value: string | number | bigint | null | undefined): Decimal | null | undefined {
    if (value === null || value === undefined) return value;
    return centsToDecimal(value);
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(_prop: EntityProperty, platform: Platform): string {
    return platform.getBigIntTypeDeclarationSQL({});
  }

  override toJSON(value: Decimal | null | undefined): string | null | undefined {
    return value === null || value === undefined ? value : value.toFixed(2);
  }
}

/** A cents figure from SQL (`SUM`, a raw row) as money. */
export const centsToDecimal = (cents: string | number | bigint | null | undefined): Decimal =>
  new Decimal(cents === null || cents === undefined ? 0 : String(cents)).div(100);
