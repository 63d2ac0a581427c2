import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { BrokerFactory, MessageBroker } from '@klynge/broker';
import { graphqlSchemaDir, registeredSubgraph, type SubgraphEntry } from '@klynge/schemas';
import { type ConfigDefinition, subgraphConfig, type SubgraphConfig, type SubgraphVariables } from '../config';
import { replayReadModels, ReplayRefusedError } from '../consumers';
import { EventSchemas, TopicNames } from '../events';
import type { RequestContext } from '../graphql';
import { createLogger, type Logger } from '../logging';
import { brokerFromConfig, createService, type Service, type ServiceDefinition } from './create-service';
import { runSeed, type SubgraphSeed } from './run-seed';
import { type SubgraphCommand, withServiceDatabase } from './service-command';
import type { SyntheticDataGenerator } from './synthetic-data';

export type { SubgraphCommand, SubgraphSeed };
import { exitOnConfigError, runService } from './run-service';
import { subgraphSdl } from './subgraph-sdl';

/** A subgraph's domain, declared; everything else comes from the platform and the registry. */
export type SubgraphDefinition<TContext extends RequestContext = RequestContext> = Omit<
  ServiceDefinition<TContext>,
  'config' | 'broker' | 'eventSchemas' | 'logger' | 'authenticate'
> & {
  /** Its name in schemas/subgraphs.json, which gives its port, database and owner. */
  readonly name: string;
  readonly seed?: SubgraphSeed;
  /** Writes its share of the generated data set (the benchmark's); a subgraph without one starts empty there. */
  readonly synthetic?: SyntheticDataGenerator;
  /** Commands of its own beside start, sdl and seed (`klynge-subgraph . <name> ...`), e.g. an import. */
  readonly commands?: Readonly<Record<string, SubgraphCommand>>;
};

/** What a process that runs a subgraph hands it: its broker, and for tests, who is asking. */
export interface SubgraphRuntime<TContext extends RequestContext = RequestContext> {
  readonly broker: MessageBroker | BrokerFactory;
  readonly authenticate?: ServiceDefinition<TContext>['authenticate'];
  readonly logger?: Logger;
}

/** A subgraph as a plug-in: what the gateway, the stack, the seeds and the tests need of it. */
export interface Subgraph<TContext extends RequestContext = RequestContext> {
  readonly name: string;
  /** Its entry in the subgraph registry. */
  readonly entry: SubgraphEntry;
  /** The variables it reads: every subgraph's (PORT defaulting to its registered port, ...). */
  readonly config: ConfigDefinition<SubgraphVariables>;
  readonly definition: SubgraphDefinition<TContext>;
  /** Where its committed SDL lives: schemas/<name>.graphql, a public contract. */
  readonly sdlFile: string;
  /** The service, built but not started. */
  create(config: SubgraphConfig, runtime: SubgraphRuntime<TContext>): Service;
  /** Its SDL as the code defines it. */
  sdl(): Promise<string>;
  /**
   * The whole of its process (run by @klynge/subgraph-runner, which chooses the broker): `start` (the default) serves it; `sdl` writes its
   * SDL to schemas/; `seed` loads its demo data into DATABASE_URL; `migrate` applies its pending migrations there and exits.
   */
  main(argv: readonly string[], runtime: { readonly broker: BrokerFactory }): Promise<void>;
}

/**
 * Makes a subgraph of its domain. A service holds its domain and this one declaration
 * (`src/subgraph.ts`); its process, SDL command, seed command and SDL check are the same for all.
 *
 *   export const subgraph = defineSubgraph({ name: 'clusters', migrations, publishes, schema, consumers, seed });
 */
export function defineSubgraph<TContext extends RequestContext = RequestContext>(
  definition: SubgraphDefinition<TContext>,
): Subgraph<TContext> {
  const entry = registeredSubgraph(definition.name);
  const config = subgraphConfig({ service: definition.name, port: entry.port });
  const sdlFile = path.join(graphqlSchemaDir, `${definition.name}.graphql`);
  const { seed, commands, ...service } = definition;

  const create = (values: SubgraphConfig, runtime: SubgraphRuntime<TContext>) =>
    createService<TContext>({ ...service, config: values, ...runtime });

  const sdl = () =>
    subgraphSdl(definition.name, (dataSource, unitOfWork) =>
      // Building the schema needs the resolvers, never a database or real settings.
      definition.schema({
        config: config.load({ DATABASE_URL: 'postgresql://sdl.invalid/sdl' }),
        dataSource,
        unitOfWork,
        logger: createLogger({ service: definition.name, level: 'silent' }),
      }),
    );

  async function main(argv: readonly string[], runtime: { readonly broker: BrokerFactory }): Promise<void> {
    const [command = 'start'] = argv;
    switch (command) {
      case 'start':
        return runService(() =>
          create(
            exitOnConfigError(() => config.load()),
            runtime,
          ),
        );
      case 'sdl':
        await writeFile(sdlFile, await sdl());
        process.stdout.write(`wrote ${sdlFile}\n`);
        return;
      case 'seed':
        if (!seed) {
          process.stdout.write(`The ${definition.name} subgraph has no demo data\n`);
          return;
        }
        return runSeed({ service: definition.name, entities: definition.entities ?? [], migrations: definition.migrations ?? [], seed });
      case 'replay':
        return replay(argv.slice(1), runtime.broker);
      case 'migrate':
        // A release's migrations, applied once by a Job of its own (infra/k8s), so that one that
        // fails fails that Job, with its log, rather than every new pod's start in turn. The pods
        // still migrate at start, under the same advisory lock, and then find nothing left to do.
        return withServiceDatabase(
          { service: definition.name, role: 'migrate', entities: definition.entities ?? [], migrations: definition.migrations ?? [] },
          ({ logger }) => Promise.resolve(logger.info(`The ${definition.name} database is migrated`)),
        );
      default: {
        const own = commands && Object.hasOwn(commands, command) ? commands[command] : undefined;
        if (!own) {
          process.stderr.write(
            `Unknown command ${command}: start, sdl, seed, migrate, replay${Object.keys(commands ?? {})
              .map((name) => `, ${name}`)
              .join('')}\n`,
          );
          process.exitCode = 2;
          return;
        }
        const code = await withServiceDatabase(
          { service: definition.name, role: command, entities: definition.entities ?? [], migrations: definition.migrations ?? [] },
          (context) => own.run(argv.slice(1), context),
        );
        process.exitCode = code ?? 0;
      }
    }
  }

  /**
   * `replay [--consumer <name>]`: rebuilds the read models from the start of the log (see
   * replayReadModels), with the service stopped; prints its progress.
   */
  async function replay(args: readonly string[], makeBroker: BrokerFactory): Promise<void> {
    let only: string | undefined;
    try {
      only = parseArgs({ args: [...args], options: { consumer: { type: 'string' } } }).values.consumer;
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\nUsage: replay [--consumer <name>]\n`);
      process.exitCode = 2;
      return;
    }
    const values = exitOnConfigError(() => config.load());
    if (!values.KAFKA_BROKERS) {
      process.stderr.write('A replay reads the log on Kafka: set KAFKA_BROKERS\n');
      process.exitCode = 2;
      return;
    }
    const logger = createLogger({ service: `${definition.name}-replay`, level: values.LOG_LEVEL });
    const broker = brokerFromConfig(makeBroker, values, `${definition.name}-replay`, logger);
    try {
      await withServiceDatabase(
        { service: definition.name, role: 'replay', entities: definition.entities ?? [], migrations: definition.migrations ?? [] },
        async ({ dataSource, unitOfWork }) => {
          const consumers = definition.consumers?.({ config: values, dataSource, unitOfWork, logger }) ?? [];
          const replayed = await replayReadModels({
            service: definition.name,
            consumers,
            ...(only === undefined ? {} : { only }),
            broker,
            dataSource,
            unitOfWork,
            schemas: new EventSchemas(),
            topics: new TopicNames(values.KAFKA_TOPIC_PREFIX),
            logger,
            progress: (line) => process.stdout.write(`${line}\n`),
          });
          process.stdout.write(
            replayed.length === 0
              ? `The ${definition.name} service keeps no read model to replay\n`
              : `Replayed ${replayed.map(({ consumer, messages }) => `${consumer} (${messages} messages)`).join(', ')}\n`,
          );
        },
      );
    } catch (error) {
      if (!(error instanceof ReplayRefusedError)) throw error;
      process.stderr.write(`No replay: ${error.message}\n`);
      process.exitCode = 1;
    } finally {
      await broker.close();
    }
  }

  return { name: definition.name, entry, config, definition, sdlFile, create, sdl, main };
}
