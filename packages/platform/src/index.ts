
export * from './auth';
export * from './config';
export * from './consumers';
export * from './database';
export * from './events';
export * from './graphql';
export * from './http';
export * from './logging';
export * from './outbox';
export * from './service';
