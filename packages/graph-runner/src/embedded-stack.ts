import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '@klynge/async';
import { LocalBroker } from '@klynge/broker-local';
import { gatewayConfig } from '@klynge/gateway/config';
import { createGateway } from '@klynge/gateway/server';
import { subgraphSettings } from '@klynge/gateway/subgraphs';
import { createLogger, type Logger, type Service, type Subgraph, type SyntheticDataSize } from '@klynge/platform';
import { loadSubgraphs } from '@klynge/subgraph-registry';
import { dashboardSetting, gatewayTargetOf, portOf, responseCacheSettings, type StackConfig } from './config';
import { sharedBroker } from './shared-broker';

const TEMPLATE = path.join(__dirname, 'pglite-template.tar.gz');

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
  const subgraphs = loadSubgraphs();
  const secrets = new Map(subgraphs.map(({ name }) => [name, randomUUID()]));
  const services = new Map<string, { subgraph: Subgraph; service: Service }>();
  let gateway: ReturnType<typeof createGateway> | undefined;

  async function stop(): Promise<void> {
    await gateway?.stop();
    // Each service stops serving, finishes its events and flushes its outbox into the broker.
    await Promise.all([...services.values()].map(({ service }) => service.stop()));
    await broker.close();
  }

  try {
    for (const subgraph of subgraphs) {
      const service = subgraph.create(
        subgraph.config.load({
          DATABASE_URL: `pglite:${path.join(dataDir, subgraph.entry.database)}?template=${encodeURIComponent(TEMPLATE)}`,
          PORT: String(portOf(config, subgraph)),
          HOST: '127.0.0.1',
          LOG_LEVEL: config.LOG_LEVEL,
          SUBGRAPH_SECRET: secrets.get(subgraph.name)!,
        }),
        { broker: sharedBroker(broker) },
      );
      services.set(subgraph.name, { subgraph, service });
    }
    await Promise.all([...services.values()].map(({ service }) => service.start()));

    // The marker says which demo the folder holds ("facts" when it says nothing: older folders).
    const seedMarker = path.join(dataDir, 'demo-data-loaded');
    const seeded = !existsSync(seedMarker);
    if (seeded) {
      if (config.KLYNGE_DEMO === 'synthetic') await loadSyntheticData(services, logger);
      else await loadDemoData(services, logger);
      writeFileSync(seedMarker, `${config.KLYNGE_DEMO} ${new Date().toISOString()}\n`);
    } else {
      const holds = readFileSync(seedMarker, 'utf8').startsWith('synthetic') ? 'synthetic' : 'facts';
      if (holds !== config.KLYNGE_DEMO)
        throw new Error(
          `${dataDir} holds the ${holds} demo, not the ${config.KLYNGE_DEMO} one: give it a data folder of its own (KLYNGE_DATA_DIR=.klynge-${config.KLYNGE_DEMO})`,
        );
    }

    gateway = createGateway(
      gatewayConfig.load({
        PORT: String(config.PORT),
        LOG_LEVEL: config.LOG_LEVEL,
        ...dashboardSetting(),
        ...(config.ANONYMOUS_OPERATIONS ? { ANONYMOUS_OPERATIONS: config.ANONYMOUS_OPERATIONS } : {}),
        ...responseCacheSettings(config),
        ...subgraphSettings(
          (name) => gatewayTargetOf(config, { name }),
          (name) => secrets.get(name)!,
        ),
      }),
      // The response cache reads the same in-process broker the services publish on; the stack closes it.
      { events: { broker: sharedBroker(broker), groupId: 'gateway.response-cache' } },
    );
    const gatewayUrl = await gateway.start();
    return { gatewayUrl, seeded, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/**
 * The demo data (the seed facts), through the same use cases as the API, so its events flow: each
 * subgraph's seed in the registry's order, once what it builds on has reached it (competence's
 * programmes name their host clusters, so they wait until competence has heard of them).
 */
async function loadDemoData(services: ReadonlyMap<string, { subgraph: Subgraph; service: Service }>, logger: Logger): Promise<void> {
  const added: string[] = [];
  for (const { subgraph, service } of services.values()) {
    const seed = subgraph.definition.seed;
    if (!seed) continue;
    if (seed.ready) {
      await waitFor(`what the ${subgraph.name} demo data builds on to arrive`, () => seed.ready!(service.dataSource), {
        timeoutMs: 30_000,
      });
    }
    added.push(...(await seed.run(service.dataSource, service.unitOfWork)));
  }
  logger.info({ added: added.length }, 'Loaded the demo data');
}

/** `KLYNGE_DEMO=synthetic`: the benchmark's generated data set, at a tenth of its default size (PGlite is one process for all). */
const SYNTHETIC_SIZE: SyntheticDataSize = { clusters: 100, organizations: 2_000, grants: 5_000 };

/**
 * The benchmark's synthetic data, so that every chart has something to show: written straight into
 * the tables of the subgraphs that have a generator (no events: the read models other services
 * keep of it stay empty). Every name in it ends in "(generated)".
 */
async function loadSyntheticData(services: ReadonlyMap<string, { subgraph: Subgraph; service: Service }>, logger: Logger): Promise<void> {
  for (const { subgraph, service } of services.values()) {
    const generate = subgraph.definition.synthetic;
    if (generate) await generate(service.dataSource, SYNTHETIC_SIZE);
  }
  logger.info({ size: SYNTHETIC_SIZE }, 'Loaded the synthetic data (generated)');
}
