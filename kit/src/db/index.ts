export * from './base.entity';
export * from './decimal.type';
export * from './orm';
export * from './sql-counter';
