export * from './data-source';
export * from './embedded-postgres';
export * from './snake-naming.strategy';
export * from './database.module';
export { ALL_MIGRATIONS } from './migrations';
export { PROGRAM_PHASES } from './migrations/1764720000000-program';
export * from './pg-errors';
export * from './prepared-reads';
export * from './sql-conditions';
