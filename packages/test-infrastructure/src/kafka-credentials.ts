import { readFileSync } from 'node:fs';

/** A principal's name and password on the broker (SASL/SCRAM-SHA-512). */
export interface KafkaCredentials {
  readonly username: string;
  readonly password: string;
}

/** One principal's credentials from a broker's credentials file (JSON, name to password, as infra/kafka.sh writes it). */
export function readKafkaCredentials(file: string, principal: string): KafkaCredentials {
  const passwords = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const password = passwords[principal];
  if (password === undefined) throw new Error(`${file} has no password for ${principal}`);
  return { username: principal, password };
}

/** The Kafka bootstrap servers the test setup provided. */
export function kafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run the tests through jest so the global setup provides it');
  return brokers.split(',');
}

/** Who the tests are on the broker the setup provided (its admin), if it authenticates. */
export function kafkaCredentials(): KafkaCredentials | undefined {
  const { KAFKA_USERNAME: username, KAFKA_PASSWORD: password } = process.env;
  return username !== undefined && password !== undefined ? { username, password } : undefined;
}

/** Settings for a broker client of a test's own: `new KafkaBroker({ ...kafkaConnection(), clientId })`. */
export function kafkaConnection(): { brokers: string[]; credentials?: KafkaCredentials } {
  const credentials = kafkaCredentials();
  return { brokers: kafkaBrokers(), ...(credentials && { credentials }) };
}

/** The same as a service's environment variables, for a service a test runs. */
export function kafkaEnvironment(): Record<string, string> {
  const credentials = kafkaCredentials();
  return {
    KAFKA_BROKERS: kafkaBrokers().join(','),
    ...(credentials && { KAFKA_USERNAME: credentials.username, KAFKA_PASSWORD: credentials.password }),
  };
}

/** A principal's own credentials on the broker the setup provided (a service's `<name>-service`, an agency's name). */
export function principalCredentials(principal: string): KafkaCredentials {
  const file = process.env.KAFKA_CREDENTIALS_FILE;
  if (!file) throw new Error('KAFKA_CREDENTIALS_FILE is not set: the broker of KAFKA_BROKERS has no principals the tests know');
  return readKafkaCredentials(file, principal);
}
