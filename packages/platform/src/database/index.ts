export { createDataSource, platformMigrations, runMigrations, type DatabaseOptions } from './data-source';
