import { type EntityProperty, type Platform, Type } from '@mikro-orm/core';
import { SqlitePlatform } from '@mikro-orm/sql';
import Decimal from 'decimal.js';

export interface DecimalOptions {
  precision: number;
  scale: number;
}

/**
 * DECIMAL(precision, scale) as a decimal.js `Decimal`, so money never passes through a float and reads back the
 * same on every driver (libSQL returns `10`, MariaDB `10.00`; both become Decimal(10)).
 * Use one instance per property: `@Property({ type: new DecimalType({ precision: 12, scale: 2 }) })`.
 * On libSQL the column is TEXT holding `toFixed(scale)`: SQLite has no exact decimal (a NUMERIC column keeps a
 * REAL, exact to 15 significant digits) and a scaled 64-bit integer holds only 18. Equality filters work because
 * every value is written with the same scale; ordering or summing such a column in SQL does not (text order), so
 * do that in code with Decimal or on MariaDB.
 */
export class DecimalType extends Type<Decimal | null | undefined, string | null | undefined> {
  constructor(readonly options: DecimalOptions) {
    super();
  }

  override convertToDatabaseValue(value: Decimal.Value | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    return this.checked(new Decimal(value)).toFixed(this.options.scale);
  }

  override convertToJSValue(value: Decimal.Value | null | undefined): Decimal | null | undefined {
    if (value === null || value === undefined) return value;
    return new Decimal(value);
  }

  // Hydrated values are snapshotted through convertToDatabaseValue, so both sides of a dirty check are toFixed text.
  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(prop: EntityProperty, platform: Platform): string {
    if (platform instanceof SqlitePlatform) return 'text';
    return platform.getDecimalTypeDeclarationSQL({ ...prop, ...this.options });
  }

  override toJSON(value: Decimal | null | undefined): string | null | undefined {
    return value === null || value === undefined ? value : value.toFixed(this.options.scale);
  }

  // The database would round or reject silently and differently per driver: refuse what does not fit instead.
  private checked(value: Decimal): Decimal {
    const { precision, scale } = this.options;
    if (!value.isFinite()) throw new Error(`Decimal ${value.toString()} is not finite`);
    if (value.decimalPlaces() > scale) throw new Error(`Decimal ${value.toString()} has more than ${scale} decimal places`);
    if (value.abs().gte(new Decimal(10).pow(precision - scale))) {
      throw new Error(`Decimal ${value.toString()} does not fit DECIMAL(${precision},${scale})`);
    }
    return value;
  }
}
