// npm start: the whole graph, on embedded defaults, or on PostgreSQL and Kafka when
// DATABASE_URL and KAFKA_BROKERS are set (npm run stack sets them).
import { exitOnConfigError } from '@klynge/platform';
import { SAMPLE_QUERY } from '@klynge/gateway/graphiql';
import { dashboardSetting, stackConfig } from './config';
import { startEmbeddedStack } from './embedded-stack';
import { startServerStack } from './server-stack';

const config = exitOnConfigError(() => stackConfig.load());
const onServers = config.DATABASE_URL !== undefined && config.KAFKA_BROKERS !== undefined;
if (onServers && config.KLYNGE_DEMO === 'synthetic') {
  process.stderr.write('KLYNGE_DEMO=synthetic is for the embedded stack: start without DATABASE_URL and KAFKA_BROKERS\n');
  process.exit(2);
}

async function main(): Promise<void> {
  const started = Date.now();
  const stack = onServers ? await startServerStack(config) : await startEmbeddedStack(config);
  const curlQuery = JSON.stringify({
    query: SAMPLE_QUERY.replace(/^#.*\n/gm, '')
      .replace(/\s+/g, ' ')
      .trim(),
  });
  process.stdout.write(
    [
      '',
      `Klynge is ready in ${((Date.now() - started) / 1000).toFixed(1)} s ${onServers ? 'on PostgreSQL and Kafka' : `(data in ${config.KLYNGE_DATA_DIR})`}${stack.seeded ? `, with the ${config.KLYNGE_DEMO === 'synthetic' ? 'synthetic data (generated)' : 'demo data'} loaded` : ''}.`,
      '',
      `  GraphQL and GraphiQL:  ${stack.gatewayUrl}`,
      ...(dashboardSetting().DASHBOARD_DIR ? [`  Dashboard:             ${stack.gatewayUrl.replace(/graphql$/, 'dashboard/')}`] : []),
      '',
      'Ask it, for example:',
      '',
      `  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\`,
      `    -d '${curlQuery}'`,
      '',
      'Reading is open to anyone. For mutations, print a development token and send it as',
      '"authorization: Bearer <token>":',
      '',
      '  npm run token -- --role admin',
      '  npm run token -- --role caseworker --agency innovasjon-norge',
      '',
      'Ctrl-C stops it; the data stays for the next start.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping...\n`);
    stack.stop().then(
      () => {
        process.stdout.write('Stopped.\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`Could not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Klynge could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
