import { type Infrastructure, provideInfrastructure } from './infrastructure';

declare global {
  // Shared with global-teardown: jest runs both in its parent process.
  var klyngeTestInfrastructure: Infrastructure | undefined;
}

/**
 * Jest global setup of every integration test suite: finds or starts PostgreSQL and Kafka, and
 * hands them to the test files (jest's workers inherit this environment).
 */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await provideInfrastructure(process.env);
  process.env.DATABASE_URL = infrastructure.databaseUrl;
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers;
  // Quiet unless asked: poison-event tests log errors on purpose. LOG_LEVEL=debug shows all.
  process.env.LOG_LEVEL ??= 'fatal';
  globalThis.klyngeTestInfrastructure = infrastructure;
}
