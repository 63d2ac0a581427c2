import { type Infrastructure, provideInfrastructure } from './infrastructure';
import { readKafkaCredentials } from './kafka-credentials';
import { recordTopicPrefixes } from './test-topics';

declare global {
  // Shared with global-teardown: jest runs both in its parent process.
  var klyngeTestInfrastructure: Infrastructure | undefined;
}

/**
 * Jest global setup of every integration test suite: finds or starts PostgreSQL and Kafka, and
 * hands them to the test files (jest's workers inherit this environment). Tests reach Kafka as
 * its admin (KAFKA_USERNAME, KAFKA_PASSWORD), unless told otherwise; a test about who may do what
 * takes a principal's own credentials from KAFKA_CREDENTIALS_FILE.
 */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await provideInfrastructure(process.env);
  process.env.DATABASE_URL = infrastructure.databaseUrl;
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers;
  if (infrastructure.kafkaCredentialsFile !== undefined) {
    process.env.KAFKA_CREDENTIALS_FILE = infrastructure.kafkaCredentialsFile;
    if (process.env.KAFKA_USERNAME === undefined) {
      const admin = readKafkaCredentials(infrastructure.kafkaCredentialsFile, 'admin');
      process.env.KAFKA_USERNAME = admin.username;
      process.env.KAFKA_PASSWORD = admin.password;
    }
  }
  // Quiet unless asked: poison-event tests log errors on purpose. LOG_LEVEL=debug shows all.
  process.env.LOG_LEVEL ??= 'fatal';
  // What the test files make under their prefixes goes at the end of the run (global teardown).
  recordTopicPrefixes();
  globalThis.klyngeTestInfrastructure = infrastructure;
}
