export { createDataSource, platformMigrations, runMigrations, type DatabaseOptions } from './data-source';
export {
  type ConstraintViolation,
  constraintViolation,
  DatabaseConnectionLostError,
  isDatabaseUnavailable,
  translateConstraintErrors,
} from './postgres-errors';
export { isPgliteUrl, openPglite, type PgliteDatabase, pgliteLocation, writePgliteTemplate } from './pglite';
export { containsPattern } from './like';
export { SqlConditions } from './sql-conditions';
export { type EntitySelect, entitySelect } from './entity-select';
export { endsAfterOsloToday, isoTimestamp, OSLO_TODAY, osloDate, osloYear } from './time-sql';
