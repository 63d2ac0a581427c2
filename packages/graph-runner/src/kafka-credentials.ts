import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GATEWAY_PRINCIPAL, kafkaPrincipals, servicePrincipal } from '@klynge/subgraph-registry';
import { repoRoot } from './config';

/**
 * The development broker's principals and their passwords: a JSON object of name to password,
 * written by infra/kafka.sh (through `kafka-access-main.js users`) next to the broker's data and
 * readable only by its owner. Production has no such file: each service reads its own
 * KAFKA_USERNAME and KAFKA_PASSWORD from the environment.
 */
export type KafkaCredentialsFile = Readonly<Record<string, string>>;

/** The development broker: KAFKA_BROKERS, else that of `npm run infra:up` (on KAFKA_PORT, as infra/kafka.sh reads it). */
export const developmentBrokers = (): string[] => (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`).split(',');

/**
 * The credentials of the broker at `brokers`: KAFKA_CREDENTIALS_FILE when set; for a broker on
 * this machine, the file `infra/kafka.sh credentials-file` names for its port (this checkout's
 * broker's, or, when another checkout's broker answers there, that one's: never passwords made up
 * here, which it would refuse); none for a broker elsewhere. Throws, saying whose broker answers
 * and what to do, when they cannot be found.
 */
export function developmentCredentialsFile(brokers: readonly string[]): string | undefined {
  if (process.env.KAFKA_CREDENTIALS_FILE) return process.env.KAFKA_CREDENTIALS_FILE;
  const port = brokers.length === 1 ? /^(?:127\.0\.0\.1|localhost):(\d+)$/.exec(brokers[0]!)?.[1] : undefined;
  if (port === undefined) return undefined;
  try {
    return execFileSync('bash', [path.join(repoRoot, 'infra', 'kafka.sh'), 'credentials-file'], {
      env: { ...process.env, KAFKA_PORT: port },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (error) {
    const said = (error as { stderr?: string }).stderr?.replace(/^\[infra\] (error: )?/gm, '').trim();
    throw new Error(said || String(error), { cause: error });
  }
}

export function readCredentials(file: string): KafkaCredentialsFile {
  return JSON.parse(readFileSync(file, 'utf8')) as KafkaCredentialsFile;
}

/**
 * The file with a password for every principal of the registry: the ones it has are kept (the
 * broker knows them), a new principal (a subgraph or an agency registered since) gets a random one.
 */
export function ensureCredentials(file: string): KafkaCredentialsFile {
  const known = existsSync(file) ? readCredentials(file) : {};
  const credentials = Object.fromEntries(kafkaPrincipals().map((name) => [name, known[name] ?? randomBytes(24).toString('hex')]));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/**
 * A principal of the registry as environment variables, when `file` names the broker's
 * credentials (a broker set up by infra/); none when the broker needs none.
 */
function principalKafkaEnv(file: string | undefined, username: string): Record<string, string> {
  if (file === undefined || !existsSync(file)) return {};
  const password = readCredentials(file)[username];
  if (password === undefined) throw new Error(`${file} has no password for ${username}: run npm run infra:up`);
  return { KAFKA_USERNAME: username, KAFKA_PASSWORD: password };
}

/** A service's own principal as environment variables (see principalKafkaEnv). */
export function serviceKafkaEnv(file: string | undefined, service: string): Record<string, string> {
  return principalKafkaEnv(file, servicePrincipal(service));
}

/**
 * Where the gateway's response cache reads the events, as environment variables: the broker and,
 * on a broker set up by infra/, the credentials of the gateways' principal (it reads the event
 * topics and writes nothing).
 */
export function gatewayKafkaEnv(brokers: readonly string[], file: string | undefined): Record<string, string> {
  return { KAFKA_BROKERS: brokers.join(','), ...principalKafkaEnv(file, GATEWAY_PRINCIPAL) };
}
