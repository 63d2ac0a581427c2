import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { bearerAuthenticator, createLogger, type Logger, SUBGRAPH_SECRET_HEADER, tokenVerifier } from '@klynge/platform';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { GatewayConfig } from './config';
import { graphiql } from './graphiql';
import { queryLimits } from './limits';
import { GatewayMetrics } from './metrics';
import { MeasuredQueryPlanCache } from './query-plan-cache';
import { SUBGRAPHS, supergraphFile } from './subgraphs';

interface GatewayContext {
  readonly requestId: string;
  /** The caller's token, verified here and passed on for each subgraph to verify again. */
  readonly authorization: string | undefined;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface Gateway {
  readonly config: GatewayConfig;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  /** Serves; answers the GraphQL URL. */
  start(): Promise<string>;
  /** Stops taking requests, finishes those in flight. */
  stop(): Promise<void>;
}

/**
 * The gateway over the supergraph composed ahead of time (schemas/supergraph.graphql). Each
 * subgraph is reached at the URL its configuration variable gives, with the request id passed on.
 */
export function createGateway(config: GatewayConfig, options: { supergraphSdl?: string } = {}): Gateway {
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const subgraphs = new Map<string, { url: string; secret: string | undefined }>(
    SUBGRAPHS.map(({ name, urlVariable, secretVariable }) => [name, { url: config[urlVariable], secret: config[secretVariable] }]),
  );
  const authenticate = bearerAuthenticator(tokenVerifier({ secret: config.JWT_SECRET, jwksUrl: config.JWKS_URL }));
  const metrics = new GatewayMetrics();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(supergraphFile, 'utf8'),
    queryPlannerConfig: { cache: new MeasuredQueryPlanCache(config.QUERY_PLAN_CACHE_MIB, metrics) },
    buildService: ({ name }) =>
      new MeasuredDataSource(name, metrics, {
        url: subgraphs.get(name)!.url,
        willSendRequest({ request, context }) {
          const headers = request.http?.headers;
          const secret = subgraphs.get(name)!.secret;
          if (secret) headers?.set(SUBGRAPH_SECRET_HEADER, secret);
          // Health checks and schema loading come without a request context.
          const { requestId, authorization } = (context ?? {}) as Partial<GatewayContext>;
          if (typeof requestId === 'string') headers?.set('x-request-id', requestId);
          if (typeof authorization === 'string') headers?.set('authorization', authorization);
        },
        // A subgraph that cannot be reached: say which, without its address; the gateway still
        // returns what the other subgraphs answered.
        didEncounterError(error) {
          logger.warn({ err: error, subgraph: name }, 'A subgraph could not answer');
          throw new GraphQLError(`The ${name} subgraph could not answer; its fields are missing from this result`, {
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: name },
          });
        },
      }),
  });
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    introspection: config.NODE_ENV !== 'production',
    hideSchemaDetailsFromClientErrors: config.NODE_ENV === 'production',
    allowBatchedHttpRequests: config.ALLOW_BATCHED_REQUESTS,
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing pages load from a CDN; development gets GraphiQL, served from here.
      ApolloServerPluginLandingPageDisabled(),
      queryLimits({ maxDepth: config.MAX_QUERY_DEPTH, maxAliases: config.MAX_QUERY_ALIASES, maxCost: config.MAX_QUERY_COST }),
      metrics.plugin(),
    ],
  });
  let serving = false;
  app.disable('x-powered-by');
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', pid: process.pid });
  });
  app.get('/ready', (_request, response) => {
    response.status(serving ? 200 : 503).json({ status: serving ? 'ready' : 'not ready' });
  });
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return {
    config,
    logger,
    metrics,
    async start() {
      await apollo.start();
      if (config.NODE_ENV !== 'production') app.use(graphiql('/graphql'));
      app.use(
        '/graphql',
        express.json({ limit: config.MAX_BODY_SIZE }),
        expressMiddleware(apollo, {
          context: async ({ req, res }) => {
            const offered = req.header('x-request-id');
            const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
            res.setHeader('x-request-id', requestId);
            try {
              // Refused here already: a bad token never reaches a subgraph.
              await authenticate(req);
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
            }
            return { requestId, authorization: req.header('authorization') };
          },
        }),
      );
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.PORT, config.HOST, () => resolve());
      });
      serving = true;
      const { port } = httpServer.address() as AddressInfo;
      const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`;
      logger.info({ url }, 'The gateway is serving');
      return url;
    },
    async stop() {
      serving = false;
      await apollo.stop();
      logger.info('The gateway has stopped');
    },
  };
}

/** A subgraph's data source, timed and counted in the gateway's metrics. */
class MeasuredDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly metrics: GatewayMetrics,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(options);
  }

  override process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    return this.metrics.timeSubgraph(this.subgraph, () => super.process(options));
  }
}
