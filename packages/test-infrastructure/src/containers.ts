import { PostgreSqlContainer } from '@testcontainers/postgresql';
import type { StartedTestContainer } from 'testcontainers';

/**
 * PostgreSQL in a container, for machines with a Docker engine. (Kafka always comes from the
 * infra scripts, which set it up with the registry's principals and ACLs: see infrastructure.ts.)
 */
/** What the tests need: the database server, the broker, or both. */
export type InfraPart = 'postgres' | 'kafka';

export interface StartedContainers {
  readonly databaseUrl?: string;
  stop(): Promise<void>;
}

export async function startContainers(parts: readonly 'postgres'[]): Promise<StartedContainers> {
  const started: StartedTestContainer[] = [];
  let databaseUrl: string | undefined;
  if (parts.includes('postgres')) {
    const postgres = await new PostgreSqlContainer('postgres:15').start();
    started.push(postgres);
    databaseUrl = postgres.getConnectionUri();
  }
  return {
    ...(databaseUrl !== undefined && { databaseUrl }),
    stop: async () => {
      await Promise.all(started.map((container) => container.stop()));
    },
  };
}
