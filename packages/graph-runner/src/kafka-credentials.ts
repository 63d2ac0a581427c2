import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kafkaPrincipals, servicePrincipal } from '@klynge/subgraph-registry';
import { repoRoot } from './config';

/**
 * The development broker's principals and their passwords: a JSON object of name to password,
 * written by infra/kafka.sh (through `kafka-access-main.js users`) next to the broker's data and
 * readable only by its owner. Production has no such file: each service reads its own
 * KAFKA_USERNAME and KAFKA_PASSWORD from the environment.
 */
export type KafkaCredentialsFile = Readonly<Record<string, string>>;

/**
 * Where infra/kafka.sh keeps the development broker's credentials (KAFKA_HOME, by default
 * infra/.state/kafka), unless KAFKA_CREDENTIALS_FILE names another broker's.
 */
export const developmentCredentialsFile =
  process.env.KAFKA_CREDENTIALS_FILE ??
  path.join(
    process.env.KAFKA_HOME ?? path.join(process.env.KLYNGE_STATE_DIR ?? path.join(repoRoot, 'infra', '.state'), 'kafka'),
    'credentials.json',
  );

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
 * A service's own principal as environment variables, when `file` names the broker's
 * credentials (a broker set up by infra/); none when the broker needs none.
 */
export function serviceKafkaEnv(file: string | undefined, service: string): Record<string, string> {
  if (file === undefined || !existsSync(file)) return {};
  const username = servicePrincipal(service);
  const password = readCredentials(file)[username];
  if (password === undefined) throw new Error(`${file} has no password for ${username}: run npm run infra:up`);
  return { KAFKA_USERNAME: username, KAFKA_PASSWORD: password };
}
