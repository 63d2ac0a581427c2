import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '@klynge/async';
import { LocalBroker } from '@klynge/broker-local';
import { clustersConfig } from '@klynge/clusters/config';
import { seedClusters } from '@klynge/clusters/seed';
import { createClustersService } from '@klynge/clusters/server';
import { competenceConfig } from '@klynge/competence/config';
import { seedCompetence } from '@klynge/competence/seed';
import { createCompetenceService } from '@klynge/competence/server';
import { fundingConfig } from '@klynge/funding/config';
import { seedFunding } from '@klynge/funding/seed';
import { createFundingService } from '@klynge/funding/server';
import { gatewayConfig } from '@klynge/gateway/config';
import { createGateway } from '@klynge/gateway/server';
import { subgraphSettings } from '@klynge/gateway/subgraphs';
import { createLogger, type Logger, type Service } from '@klynge/platform';
import { portOf, SERVICE_NAMES, type ServiceName, type StackConfig } from './config';
import { sharedBroker } from './shared-broker';

const TEMPLATE = path.join(__dirname, 'pglite-template.tar.gz');
const SERVICES = {
  clusters: { config: clustersConfig, create: createClustersService },
  funding: { config: fundingConfig, create: createFundingService },
  competence: { config: competenceConfig, create: createCompetenceService },
} as const;

export interface RunningStack {
  readonly gatewayUrl: string;
  /** True when this start loaded the demo data (the first embedded start on a data folder). */
  readonly seeded: boolean;
  stop(): Promise<void>;
}

/**
 * The whole graph in this process with nothing installed: each service on its own embedded
 * PostgreSQL (PGlite, in KLYNGE_DATA_DIR/<service>) and all of them on one in-process broker kept
 * in KLYNGE_DATA_DIR/broker, so the same outbox, relay and consumers run as on Kafka. The gateway
 * reaches the subgraphs over HTTP with a secret made up for this run, as in production.
 */
export async function startEmbeddedStack(config: StackConfig): Promise<RunningStack> {
  const dataDir = path.resolve(config.KLYNGE_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const logger = createLogger({ service: 'stack', level: config.LOG_LEVEL });
  const broker = new LocalBroker({ directory: path.join(dataDir, 'broker'), logger: logger.child({ component: 'broker' }) });
  const secrets = new Map(SERVICE_NAMES.map((name) => [name, randomUUID()]));
  const services = new Map<ServiceName, Service>();
  let gateway: ReturnType<typeof createGateway> | undefined;

  async function stop(): Promise<void> {
    await gateway?.stop();
    // Each service stops serving, finishes its events and flushes its outbox into the broker.
    await Promise.all([...services.values()].map((service) => service.stop()));
    await broker.close();
  }

  try {
    for (const name of SERVICE_NAMES) {
      const { config: serviceConfig, create } = SERVICES[name];
      const service = create(
        serviceConfig.load({
          DATABASE_URL: `pglite:${path.join(dataDir, name)}?template=${encodeURIComponent(TEMPLATE)}`,
          PORT: String(portOf(config, name)),
          HOST: '127.0.0.1',
          LOG_LEVEL: config.LOG_LEVEL,
          SUBGRAPH_SECRET: secrets.get(name)!,
        }),
        { broker: sharedBroker(broker) },
      );
      services.set(name, service);
    }
    await Promise.all([...services.values()].map((service) => service.start()));

    const seedMarker = path.join(dataDir, 'demo-data-loaded');
    const seeded = !existsSync(seedMarker);
    if (seeded) {
      await loadDemoData(services, logger);
      writeFileSync(seedMarker, `${new Date().toISOString()}\n`);
    }

    gateway = createGateway(
      gatewayConfig.load({
        PORT: String(config.PORT),
        LOG_LEVEL: config.LOG_LEVEL,
        ...subgraphSettings((name) => `http://127.0.0.1:${portOf(config, name)}/graphql`, (name) => secrets.get(name)!),
      }),
    );
    const gatewayUrl = await gateway.start();
    return { gatewayUrl, seeded, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/**
 * The demo data (the seed facts), through the same use cases as the API, so its events flow. The
 * competence programmes name their host clusters, so they wait until competence has heard of them.
 */
async function loadDemoData(services: ReadonlyMap<ServiceName, Service>, logger: Logger): Promise<void> {
  const clusters = services.get('clusters')!;
  const funding = services.get('funding')!;
  const competence = services.get('competence')!;
  const added = [
    ...(await seedClusters(clusters.dataSource, clusters.unitOfWork)),
    ...(await seedFunding(funding.dataSource, funding.unitOfWork)),
  ];
  const [{ count }] = await clusters.dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM clusters');
  await waitFor(
    'the competence service to hear of the seeded clusters',
    async () => (await competence.dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM cluster_directory'))[0].count >= count,
    { timeoutMs: 30_000 },
  );
  added.push(...(await seedCompetence(competence.dataSource, competence.unitOfWork)));
  logger.info({ added: added.length }, 'Loaded the demo data');
}
