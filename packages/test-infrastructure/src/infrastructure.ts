import { getContainerRuntimeClient } from 'testcontainers';
import { type InfraPart, type StartedContainers, startContainers } from './containers';
import { infraScriptOutput, runInfraScript } from './infra-scripts';

export type { InfraPart, StartedContainers };

/** The PostgreSQL server and Kafka broker the tests run against. */
export interface Infrastructure {
  /** A URL of the server, connected to a database that may create others. */
  readonly databaseUrl: string;
  readonly kafkaBrokers: string;
  /**
   * The broker's principals and passwords (JSON, name to password, `admin` among them), as
   * infra/kafka.sh writes them; unset for a broker of your own that needs none (KAFKA_BROKERS
   * without KAFKA_CREDENTIALS_FILE).
   */
  readonly kafkaCredentialsFile?: string;
  /** Where they came from, for the log: environment, containers or infra scripts. */
  readonly origin: string;
  /** Stops what the setup itself started (containers); scripts' servers keep running. */
  stop(): Promise<void>;
}

/** How the setup finds out about, and starts, infrastructure; replaceable in tests of itself. */
export interface InfrastructureProviders {
  dockerAnswers(): Promise<boolean>;
  startContainers(parts: readonly 'postgres'[]): Promise<StartedContainers>;
  runInfraScripts(parts: readonly InfraPart[]): Promise<void>;
  /**
   * The credentials file of the scripts' broker, once it runs: this checkout's, or that of the
   * checkout whose broker already answers on the port (never passwords made up here, which it
   * would refuse); throws, saying whose broker it is and what to do, when they cannot be found.
   */
  localKafkaCredentialsFile(): string;
}

export const LOCAL_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const LOCAL_KAFKA_BROKERS = '127.0.0.1:9092';

export const defaultProviders: InfrastructureProviders = {
  async dockerAnswers() {
    try {
      await getContainerRuntimeClient();
      return true;
    } catch {
      return false;
    }
  },
  startContainers,
  runInfraScripts: (parts) => runInfraScript('up.sh', parts),
  localKafkaCredentialsFile: () => infraScriptOutput('kafka.sh', ['credentials-file']),
};

/**
 * Finds the infrastructure for a test run:
 * - PostgreSQL: `DATABASE_URL` when set (CI, or a server of your own); otherwise a container
 *   when a Docker engine answers (testcontainers); otherwise the infra/ scripts' local server.
 * - Kafka: `KAFKA_BROKERS` when set (with `KAFKA_CREDENTIALS_FILE` when it authenticates);
 *   otherwise the infra/ scripts' broker, always: only they set it up as it runs in production,
 *   with a SCRAM user per principal of the registry and the registry's ACLs.
 */
export async function provideInfrastructure(
  env: Readonly<Record<string, string | undefined>>,
  providers: InfrastructureProviders = defaultProviders,
): Promise<Infrastructure> {
  const scripts: InfraPart[] = env.KAFKA_BROKERS ? [] : ['kafka'];
  const origins: string[] = [];
  let databaseUrl = env.DATABASE_URL ?? LOCAL_DATABASE_URL;
  let stop = () => Promise.resolve();
  if (!env.DATABASE_URL) {
    if (await providers.dockerAnswers()) {
      const containers = await providers.startContainers(['postgres']);
      databaseUrl = containers.databaseUrl ?? databaseUrl;
      stop = () => containers.stop();
      origins.push('containers (postgres)');
    } else {
      scripts.unshift('postgres');
    }
  }
  if (scripts.length > 0) {
    await providers.runInfraScripts(scripts);
    origins.push(`infra scripts (${scripts.join(', ')})`);
  }
  const kafka = env.KAFKA_BROKERS
    ? { kafkaBrokers: env.KAFKA_BROKERS, ...(env.KAFKA_CREDENTIALS_FILE && { kafkaCredentialsFile: env.KAFKA_CREDENTIALS_FILE }) }
    : { kafkaBrokers: LOCAL_KAFKA_BROKERS, kafkaCredentialsFile: providers.localKafkaCredentialsFile() };
  return { databaseUrl, ...kafka, origin: origins.length > 0 ? origins.join(' and ') : 'environment', stop };
}
