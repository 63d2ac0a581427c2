// npm run kafka:credentials -- <principal>
// Prints a development principal's username and password on the broker npm run infra:up runs.
import { existsSync } from 'node:fs';
import { kafkaPrincipals } from '@klynge/subgraph-registry';
import { developmentBrokers, developmentCredentialsFile, readCredentials } from './kafka-credentials';

const USAGE = `Usage: npm run kafka:credentials -- <principal>

Prints the username and password a development client uses on the broker of npm run infra:up
(SASL/SCRAM-SHA-512 on 127.0.0.1:9092). Principals: ${kafkaPrincipals().join(', ')}.
A service uses <service>-service; an agency's own clients use the agency's name. In production
the broker's operator hands these out, and each service reads KAFKA_USERNAME and KAFKA_PASSWORD.
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const [principal, ...rest] = process.argv.slice(2);
if (principal === '--help' || principal === '-h') {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!principal || rest.length > 0) fail('Name one principal');
if (!kafkaPrincipals().includes(principal)) fail(`No principal ${principal} on the development broker`);
const brokers = developmentBrokers();
let file: string | undefined;
try {
  file = developmentCredentialsFile(brokers);
} catch (error) {
  fail((error as Error).message);
}
if (file === undefined) fail(`${brokers.join(',')} is not on this machine: set KAFKA_CREDENTIALS_FILE to its credentials`);
if (!existsSync(file)) fail(`${file} is not there yet: run npm run infra:up first`);
const password = readCredentials(file)[principal];
if (password === undefined) fail(`The broker has no password for ${principal} yet: run npm run infra:up`);

process.stdout.write(
  [
    `username: ${principal}`,
    `password: ${password}`,
    '',
    `A client connects to ${brokers.join(',')} with SASL_PLAINTEXT and SCRAM-SHA-512.`,
    '',
  ].join('\n'),
);
