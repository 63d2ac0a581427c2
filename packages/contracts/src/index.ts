export * from './clusters';
export * from './common';
export * from './competence';
export * from './funding';
export * from './input-checks';
export * from './synthetic-data';
export * from './values';
