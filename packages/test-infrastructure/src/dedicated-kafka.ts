import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePorts } from './free-ports';
import { runInfraScript } from './infra-scripts';
import { type KafkaCredentials, readKafkaCredentials } from './kafka-credentials';

/** A Kafka broker of one test's own, which it may stop and start without disturbing others. */
export interface DedicatedKafka {
  readonly brokers: string;
  /** Its admin, as infra/kafka.sh set it up (with the registry's principals and ACLs). */
  readonly credentials: KafkaCredentials;
  /** Its principals' passwords (what KAFKA_CREDENTIALS_FILE names for the shared broker). */
  readonly credentialsFile: string;
  /** Stops the broker (a controlled shutdown); its data stays for the next start. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data; resolves when it answers. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
  /** Runs infra/kafka.sh with `args` against this broker (its port and state), e.g. set-password. */
  script(...args: string[]): Promise<void>;
}

/**
 * Starts a throwaway broker with the infra scripts (real Kafka from its jars, so Java and Maven
 * are needed) on free ports, with its data in a temporary folder.
 */
export async function startDedicatedKafka(label: string): Promise<DedicatedKafka> {
  const [port, controllerPort] = await freePorts(2);
  const home = await mkdtemp(path.join(tmpdir(), `klynge-kafka-${label}-`));
  // Not the shared broker's credentials file, which a test run names: this broker has its own.
  const { KAFKA_CREDENTIALS_FILE: _shared, ...inherited } = process.env;
  const env = {
    ...inherited,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_HOME: home,
    KAFKA_HEAP: '384m',
  };
  const kafka = (...args: string[]) => runInfraScript('kafka.sh', args, env);
  await kafka('start');
  const credentialsFile = path.join(home, 'credentials.json');
  return {
    brokers: `127.0.0.1:${port}`,
    credentials: readKafkaCredentials(credentialsFile, 'admin'),
    credentialsFile,
    start: () => kafka('start'),
    stop: () => kafka('stop'),
    destroy: async () => {
      await kafka('stop');
      await rm(home, { recursive: true, force: true });
    },
    script: kafka,
  };
}
