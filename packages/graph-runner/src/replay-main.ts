// npm run replay -- --service <name> [--consumer <consumer>]
// Rebuilds a service's read models from the start of its topics on Kafka (the service stopped).
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { subgraphRegistry } from '@klynge/schemas';
import { developmentCredentialsFile, serviceKafkaEnv } from './kafka-credentials';
import { databaseOf, serviceProcess } from './server-stack';

const USAGE = `Usage: npm run replay -- --service <name> [--consumer <consumer>]

Rebuilds the read models of a service (one of: ${subgraphRegistry()
  .map((entry) => entry.name)
  .join(', ')}) from the start of the log: stop the service first. Reads DATABASE_URL (the
PostgreSQL server; the service's own database is used), KAFKA_BROKERS and KAFKA_CREDENTIALS_FILE
(the service replays as its own principal), as npm run stack does.
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { service?: string; consumer?: string; help?: boolean };
try {
  values = parseArgs({
    options: { service: { type: 'string' }, consumer: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const entry = subgraphRegistry().find((candidate) => candidate.name === values.service);
if (!entry) fail(values.service ? `No subgraph ${values.service} is registered` : 'Name the service: --service <name>');

const child = spawn(process.execPath, serviceProcess(entry, 'replay', ...(values.consumer ? ['--consumer', values.consumer] : [])), {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: databaseOf(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres', entry),
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    ...serviceKafkaEnv(developmentCredentialsFile, entry.name),
  },
});
child.on('exit', (code) => process.exit(code ?? 1));
