import { MIN_SECRET_BYTES, tokenConfigProblems, tokenVariables } from '../auth/token-config';
import { defineConfig, env, type ConfigDefinition, type ConfigProblem, type ConfigValues, type VariableSpec } from './define-config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The variables every subgraph service reads; a service adds its own beside them. */
export function subgraphVariables(service: string, port: number) {
  return {
    PORT: env.port({ description: `HTTP port of the ${service} subgraph`, default: port }),
    HOST: env.string({ description: 'interface to listen on (0.0.0.0 for every one, as in a container)', default: '127.0.0.1' }),
    DATABASE_URL: env.url({
      description: `PostgreSQL URL of the ${service} service's own database`,
      protocols: ['postgres:', 'postgresql:', 'pglite:'],
    }),
    DATABASE_POOL_SIZE: env.integer({ description: 'connections in the pool', default: 10, min: 1, max: 100 }),
    // Required unless the service is handed a broker of its own (npm start's in-process one).
    ...kafkaClientVariables('service'),
    KAFKA_TOPIC_PARTITIONS: env.integer({ description: 'partitions of the topics a service creates', default: 3, min: 1 }),
    KAFKA_REPLICATION_FACTOR: env.integer({ description: 'replicas of the topics a service creates', default: 1, min: 1 }),
    LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'least severe log level written', default: 'info' }),
    OUTBOX_POLL_INTERVAL_MS: env.integer({
      description: 'how often the outbox relay looks for events when no notification woke it',
      default: 1_000,
      min: 10,
    }),
    OUTBOX_STORAGE: env.oneOf(['auto', 'table'] as const, {
      description:
        'where the outbox keeps events until published: auto (the WAL, through a logical replication slot, where the server runs with wal_level = logical; else the outbox_events table) or table',
      default: 'auto',
    }),
    ...tokenVariables(),
    SUBGRAPH_SECRET: env.string({
      description: `when set, /graphql answers only requests that carry it (from the gateway); required in production, at least ${MIN_SECRET_BYTES} bytes`,
      optional: true,
    }),
    SUBGRAPH_SECRET_PREVIOUS: env.string({
      description:
        'while SUBGRAPH_SECRET is rotated: the secret it replaces, still accepted, so that gateways not yet given the new one are let in; remove it once every gateway has the new one',
      optional: true,
    }),
    SHUTDOWN_TIMEOUT_MS: env.integer({
      description: 'how long a graceful shutdown may take before the process exits anyway',
      default: 10_000,
      min: 0,
    }),
  };
}

export type SubgraphVariables = ReturnType<typeof subgraphVariables>;
export type SubgraphConfig = ConfigValues<SubgraphVariables>;

export function subgraphConfig<E extends Record<string, VariableSpec<unknown>> = Record<never, never>>(options: {
  readonly service: string;
  readonly port: number;
  readonly variables?: E;
}): ConfigDefinition<SubgraphVariables & E> {
  // The service's own variables cannot change the platform's, so the values hold a SubgraphConfig.
  const platformValues = (values: unknown) => values as SubgraphConfig;
  return defineConfig({ ...subgraphVariables(options.service, options.port), ...(options.variables ?? ({} as E)) }, [
    (values) => tokenConfigProblems(platformValues(values)),
    (values) => subgraphSecretProblems(platformValues(values)),
    (values) => kafkaCredentialProblems(platformValues(values)),
  ]);
}

/** In production only the gateway may ask a subgraph: otherwise the gateway's limits can be walked around. */
function subgraphSecretProblems(values: {
  NODE_ENV: string;
  SUBGRAPH_SECRET: string | undefined;
  SUBGRAPH_SECRET_PREVIOUS: string | undefined;
}): ConfigProblem[] {
  const previous = values.SUBGRAPH_SECRET_PREVIOUS;
  if (previous !== undefined) {
    if (values.SUBGRAPH_SECRET === undefined) {
      return [
        { variable: 'SUBGRAPH_SECRET_PREVIOUS', message: 'is only for rotating SUBGRAPH_SECRET: it needs SUBGRAPH_SECRET beside it' },
      ];
    }
    if (previous === values.SUBGRAPH_SECRET) {
      return [{ variable: 'SUBGRAPH_SECRET_PREVIOUS', message: 'is the same as SUBGRAPH_SECRET: a rotation needs a new SUBGRAPH_SECRET' }];
    }
    if (values.NODE_ENV === 'production' && Buffer.byteLength(previous) < MIN_SECRET_BYTES) {
      return [{ variable: 'SUBGRAPH_SECRET_PREVIOUS', message: `must be at least ${MIN_SECRET_BYTES} bytes long in production` }];
    }
  }
  if (values.NODE_ENV !== 'production') return [];
  if (values.SUBGRAPH_SECRET === undefined) {
    return [{ variable: 'SUBGRAPH_SECRET', message: 'is required in production (only the gateway may query a subgraph)' }];
  }
  if (Buffer.byteLength(values.SUBGRAPH_SECRET) < MIN_SECRET_BYTES) {
    return [{ variable: 'SUBGRAPH_SECRET', message: `must be at least ${MIN_SECRET_BYTES} bytes long in production` }];
  }
  return [];
}

/** Where a Kafka client connects and as whom: the service's (or the gateway's) own principal. */
export function kafkaClientVariables(who: 'service' | 'gateway') {
  return {
    KAFKA_BROKERS: env.hostPorts({ description: 'Kafka bootstrap servers, comma-separated host:port', optional: true }),
    KAFKA_TOPIC_PREFIX: env.string({
      description: 'prepended to every topic and consumer group name (tests use it to stay apart)',
      default: '',
      pattern: /^[A-Za-z0-9._-]*$/,
    }),
    KAFKA_USERNAME: env.string({
      description: `the ${who}'s principal on Kafka (SASL/SCRAM-SHA-512), with KAFKA_PASSWORD; required in production`,
      optional: true,
    }),
    KAFKA_PASSWORD: env.string({ description: `the password of the ${who}'s Kafka principal`, optional: true }),
  };
}

/** A username needs its password and the other way round; in production a client on Kafka must authenticate. */
export function kafkaCredentialProblems(values: {
  readonly NODE_ENV?: unknown;
  readonly KAFKA_BROKERS?: unknown;
  readonly KAFKA_USERNAME?: unknown;
  readonly KAFKA_PASSWORD?: unknown;
}): ConfigProblem[] {
  if (values.KAFKA_USERNAME !== undefined && values.KAFKA_PASSWORD === undefined) {
    return [{ variable: 'KAFKA_PASSWORD', message: 'is required with KAFKA_USERNAME' }];
  }
  if (values.KAFKA_PASSWORD !== undefined && values.KAFKA_USERNAME === undefined) {
    return [{ variable: 'KAFKA_USERNAME', message: 'is required with KAFKA_PASSWORD' }];
  }
  if (values.NODE_ENV === 'production' && values.KAFKA_BROKERS && values.KAFKA_USERNAME === undefined) {
    return [{ variable: 'KAFKA_USERNAME', message: "is required in production (with KAFKA_PASSWORD: the client's principal on Kafka)" }];
  }
  return [];
}
