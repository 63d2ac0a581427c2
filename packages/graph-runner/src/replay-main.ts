// npm run replay -- --service <name> [--consumer <consumer>]
// Rebuilds a service's read models from the start of its topics on Kafka (the service stopped).
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { subgraphRegistry } from '@klynge/schemas';
import { developmentBrokers, developmentCredentialsFile, serviceKafkaEnv } from './kafka-credentials';
import { databaseOf, serviceProcess } from './server-stack';

const USAGE = `Usage: npm run replay -- --service <name> [--consumer <consumer>]

Rebuilds the read models of a service (one of: ${subgraphRegistry()
  .map((entry) => entry.name)
  .join(', ')}) from the start of the log: stop the service first. Under npm run stack, from
another shell: npm run stack:service -- stop <name>, then the replay, then
npm run stack:service -- start <name>. Reads DATABASE_URL (the PostgreSQL server; the service's
own database is used), KAFKA_BROKERS and KAFKA_CREDENTIALS_FILE (the service replays as its own
principal), as npm run stack does.
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

const brokers = developmentBrokers();
let kafka: Record<string, string>;
try {
  kafka = serviceKafkaEnv(developmentCredentialsFile(brokers), entry.name);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const child = spawn(process.execPath, serviceProcess(entry, 'replay', ...(values.consumer ? ['--consumer', values.consumer] : [])), {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: databaseOf(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres', entry),
    KAFKA_BROKERS: brokers.join(','),
    ...kafka,
  },
});
child.on('exit', (code) => {
  // Refused, most often, because the service runs (its consumers are in their groups).
  if (code === 1)
    process.stderr.write(
      `If ${entry.name} runs under npm run stack: npm run stack:service -- stop ${entry.name}, replay, then npm run stack:service -- start ${entry.name}\n`,
    );
  process.exit(code ?? 1);
});
