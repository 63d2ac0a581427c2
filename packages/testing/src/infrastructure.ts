import { getContainerRuntimeClient } from 'testcontainers';
import { type InfraPart, type StartedContainers, startContainers } from './containers';

export type { InfraPart, StartedContainers };
import { runInfraScript } from './infra-scripts';

/** The PostgreSQL server and Kafka broker the tests run against. */
export interface Infrastructure {
  /** A URL of the server, connected to a database that may create others. */
  readonly databaseUrl: string;
  readonly kafkaBrokers: string;
  /** Where they came from, for the log: environment, containers or infra scripts. */
  readonly origin: string;
  /** Stops what the setup itself started (containers); scripts' servers keep running. */
  stop(): Promise<void>;
}

/** How the setup finds out about, and starts, infrastructure; replaceable in tests of itself. */
export interface InfrastructureProviders {
  dockerAnswers(): Promise<boolean>;
  startContainers(parts: readonly InfraPart[]): Promise<StartedContainers>;
  runInfraScripts(parts: readonly InfraPart[]): Promise<void>;
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
};

/**
 * Finds the infrastructure for a test run, in this order for each of PostgreSQL and Kafka:
 * 1. `DATABASE_URL` / `KAFKA_BROKERS` when set (CI, or servers of your own);
 * 2. otherwise containers, when a Docker engine answers (testcontainers);
 * 3. otherwise the infra/ scripts, which run the local PostgreSQL and Kafka from its jars.
 */
export async function provideInfrastructure(
  env: Readonly<Record<string, string | undefined>>,
  providers: InfrastructureProviders = defaultProviders,
): Promise<Infrastructure> {
  const missing: InfraPart[] = [];
  if (!env.DATABASE_URL) missing.push('postgres');
  if (!env.KAFKA_BROKERS) missing.push('kafka');
  const fromEnvironment = {
    databaseUrl: env.DATABASE_URL ?? LOCAL_DATABASE_URL,
    kafkaBrokers: env.KAFKA_BROKERS ?? LOCAL_KAFKA_BROKERS,
  };
  if (missing.length === 0) {
    return { ...fromEnvironment, origin: 'environment', stop: () => Promise.resolve() };
  }
  if (await providers.dockerAnswers()) {
    const containers = await providers.startContainers(missing);
    return {
      databaseUrl: containers.databaseUrl ?? fromEnvironment.databaseUrl,
      kafkaBrokers: containers.kafkaBrokers ?? fromEnvironment.kafkaBrokers,
      origin: `containers (${missing.join(', ')})`,
      stop: () => containers.stop(),
    };
  }
  await providers.runInfraScripts(missing);
  return { ...fromEnvironment, origin: `infra scripts (${missing.join(', ')})`, stop: () => Promise.resolve() };
}
