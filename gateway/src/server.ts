import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
// The platform's subpaths, never its barrel: that loads TypeORM, PGlite and the outbox (.dependency-cruiser.cjs).
import { bearerAuthenticator, type Caller, SUBGRAPH_SECRET_HEADER, tokenSettings, tokenVerifier } from '@klynge/platform/auth';
import { apolloLogger, jsonErrors, notFound, securityHeaders, withoutSuggestions } from '@klynge/platform/http';
import { createLogger, type Logger, withLogContext } from '@klynge/platform/logging';
import type { Subscription } from '@klynge/broker';
import express from 'express';
import { GraphQLError } from 'graphql';
import { type GatewayConfig, subgraphTargets } from './config';
import { corsFor } from './cors';
import { catalogueRoutes } from './catalogue/catalogue-page';
import { coalescingIdenticalQueries } from './coalesced-queries';
import { dashboardRoutes } from './dashboard';
import { notFoundPage } from './not-found-page';
import { documentLimits } from './document-limits';
import { errorCap } from './error-cap';
import { GRAPHIQL_CONTENT_SECURITY, graphiql } from './graphiql';
import { inFlightPerCaller } from './in-flight-limit';
import { queryLimits } from './limits';
import { GatewayMetrics, OTHER_OPERATION } from './metrics';
import { operationGuard } from './operation-guard';
import { MeasuredQueryPlanCache } from './query-plan-cache';
import { registeredDocuments, registeredOperations } from './registered-operations';
import { type EntityKeyFields, entityKeyFields } from './response-cache/entities';
import { type EventEntityMap, eventEntityMaps } from './response-cache/event-entities';
import { type EventSource, invalidateOnEvents } from './response-cache/event-invalidation';
import { CACHE_HEADER, type CacheContext, joinedAnotherRequest, responseCacheHttp } from './response-cache/http';
import { RedisResponseCache } from './response-cache/redis-cache';
import { type AnswerCache, ResponseCache } from './response-cache/response-cache';
import { SharingEpoch } from './sharing-epoch';
import { subgraphFetcher } from './subgraph-fetcher';
import { supergraphFile } from './subgraphs';
import { supergraphLocation, supergraphManager, type SupergraphState } from './supergraph-source';
import { trustedOperations } from './trusted-operations';

interface GatewayContext extends CacheContext {
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
  /** Where the metrics listener serves, when METRICS_PORT is set and it has started. */
  metricsUrl(): string | undefined;
  /** Stops taking requests, finishes those in flight. */
  stop(): Promise<void>;
}

/**
 * The gateway over the supergraph composed ahead of time (schemas/supergraph.graphql). Each
 * subgraph is reached at the URL its configuration variable gives, with the request id passed on.
 */
export function createGateway(
  config: GatewayConfig,
  options: {
    supergraphSdl?: string;
    /** The event topics, which keep the response cache exact: without them (and KAFKA_BROKERS) nothing is cached. */
    events?: EventSource;
  } = {},
): Gateway {
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const subgraphs = subgraphTargets(config);
  const production = config.NODE_ENV === 'production';
  const authenticate = bearerAuthenticator(tokenVerifier(tokenSettings(config)));
  const registered = registeredOperations();
  const metrics = new GatewayMetrics(new Set(registered.map((operation) => operation.name)));
  let supergraph: SupergraphState | undefined;
  const events = options.events;
  if (config.RESPONSE_CACHE !== 'off' && !events)
    logger.warn('The response cache is off: it needs the event topics to stay exact (KAFKA_BROKERS, or a broker handed to the gateway)');
  const cache = events ? answerCache(config, { metrics, logger, topicPrefix: events.topicPrefix }) : undefined;
  // Which entities answers and events name, from the supergraph served (and again when it changes).
  let entityKeys: EntityKeyFields = new Map();
  let eventMaps: ReadonlyMap<string, EventEntityMap> = new Map();
  const responseCache = responseCacheHttp({ cache, metrics, entityKeys: () => entityKeys });
  // Mutations answered and events read end the sharing of executions and subgraph queries in flight.
  const sharing = new SharingEpoch();
  const fetcher = subgraphFetcher({ timeoutMs: config.SUBGRAPH_TIMEOUT_MS, epoch: sharing });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphManager({
      location: options.supergraphSdl
        ? { kind: 'static', sdl: options.supergraphSdl }
        : supergraphLocation(config.SUPERGRAPH_SOURCE, supergraphFile),
      intervalMs: config.SUPERGRAPH_POLL_INTERVAL_MS,
      knownSubgraphs: new Set(subgraphs.keys()),
      logger,
      events: {
        applied: (hash, previous) => {
          if (previous) {
            metrics.supergraph.remove({ hash: previous });
            metrics.supergraphUpdates.inc({ outcome: 'applied' });
          }
          metrics.supergraph.set({ hash }, 1);
        },
        refused: () => metrics.supergraphUpdates.inc({ outcome: 'refused' }),
      },
      onState: (state) => (supergraph = state),
    }),
    queryPlannerConfig: { cache: new MeasuredQueryPlanCache(config.QUERY_PLAN_CACHE_MIB, metrics) },
    buildService: ({ name }) =>
      new MeasuredDataSource(name, metrics, {
        url: subgraphs.get(name)!.url,
        fetcher,
        recordFetch: (context, variables, data) => context?.cacheFill?.recorder.fetched(name, variables, data),
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
  // Production serves metrics only on a listener of their own, which need not face the internet.
  const metricsApp = express();
  const metricsServer = config.METRICS_PORT === undefined ? undefined : http.createServer(metricsApp);
  const apollo = new ApolloServer<GatewayContext>({
    // The caller's token is all the gateway passes on that can change an answer (the request id only names it).
    gateway: coalescingIdenticalQueries(
      gateway,
      ({ context }) => (context as Partial<GatewayContext>).authorization,
      ({ context }) => joinedAnotherRequest(context as CacheContext),
      sharing,
    ),
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    // Variable coercion errors suggest names too, which hideSchemaDetailsFromClientErrors leaves in.
    ...(production ? { formatError: withoutSuggestions } : {}),
    logger: apolloLogger(logger),
    // A document with many mistakes gets the first few, not one error per mistake.
    validationOptions: { maxErrors: config.MAX_ERRORS },
    allowBatchedHttpRequests: config.ALLOW_BATCHED_REQUESTS,
    // Which documents may be sent by hash is a registered list (trustedOperations), not a cache anyone can fill.
    persistedQueries: false,
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing pages load from a CDN; development gets GraphiQL, served from here.
      ApolloServerPluginLandingPageDisabled(),
      // Klynge sets no cache hints; the plugin would read every subgraph answer's cache-control header for nothing.
      ApolloServerPluginCacheControlDisabled(),
      operationGuard(),
      errorCap(config.MAX_ERRORS),
      queryLimits({
        maxDepth: config.MAX_QUERY_DEPTH,
        maxAliases: config.MAX_QUERY_ALIASES,
        maxCost: config.MAX_QUERY_COST,
        maxNodes: config.MAX_QUERY_NODES,
      }),
      metrics.plugin(),
      responseCache.plugin,
    ],
  });
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    const loaded = entityKeys.size > 0;
    entityKeys = entityKeyFields(coreSupergraphSdl);
    eventMaps = eventEntityMaps(entityKeys);
    if (loaded) void cache?.clear('supergraph');
  });
  let subscription: Subscription | undefined;
  let serving = false;
  const serveMetrics: express.RequestHandler = async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
  app.disable('x-powered-by');
  // Express would hash every answer's whole body into an ETag, for POSTs that no client revalidates.
  app.set('etag', false);
  app.use(securityHeaders(production ? {} : GRAPHIQL_CONTENT_SECURITY));
  app.use(corsFor({ origins: config.CORS_ORIGINS, localhost: !production }));
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', (_request, response) => {
    response.status(serving ? 200 : 503).json({ status: serving ? 'ready' : 'not ready', ...(supergraph ? { supergraph } : {}) });
  });
  if (!production) app.get('/metrics', serveMetrics);
  metricsApp.disable('x-powered-by');
  metricsApp.use(securityHeaders());
  metricsApp.get('/metrics', serveMetrics);
  metricsApp.use(notFound());
  metricsApp.use(jsonErrors(logger));

  return {
    config,
    logger,
    metrics,
    async start() {
      await apollo.start();
      if (config.NODE_ENV !== 'production') {
        app.use(graphiql('/graphql'));
        // The event catalogue, next to GraphiQL: what is on which Kafka topic.
        catalogueRoutes(app);
      }
      if (config.DASHBOARD_DIR !== undefined) dashboardRoutes(app, config.DASHBOARD_DIR);
      const refusedHere = (code: string) => {
        metrics.requests.inc({ operation: OTHER_OPERATION, outcome: 'error' });
        metrics.errors.inc({ code });
      };
      app.use(
        '/graphql',
        (request, response, next) => {
          // Until a cached answer says otherwise, or Apollo Server's answer says it was computed for the cache.
          response.setHeader(CACHE_HEADER, 'bypass');
          const offered = request.header('x-request-id');
          const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
          response.setHeader('x-request-id', requestId);
          response.locals.requestId = requestId;
          // Every line logged for this request carries its id, Apollo Server's own among them.
          withLogContext({ requestId }, next);
        },
        // Before anything of the body is read: a bad token is refused at once and never reaches a subgraph.
        (request, response, next) => {
          authenticate(request).then(
            (caller) => {
              response.locals.caller = caller;
              next();
            },
            (error: unknown) => {
              const message = error instanceof Error ? error.message : String(error);
              refusedHere('UNAUTHENTICATED');
              // Never the token itself.
              logger.warn({ reason: message }, 'A request with an invalid bearer token was refused');
              response.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
            },
          );
        },
        inFlightPerCaller({
          max: config.MAX_REQUESTS_IN_FLIGHT_PER_CALLER,
          callerOf: (request, response) => {
            const caller = response.locals.caller as Caller | undefined;
            return caller ? `subject:${caller.subject}` : `address:${request.ip ?? 'unknown'}`;
          },
          onRefused: () => refusedHere('TOO_MANY_REQUESTS_IN_FLIGHT'),
        }),
        express.json({ limit: config.MAX_BODY_SIZE }),
        trustedOperations({
          documents: registeredDocuments(registered),
          anonymous: config.ANONYMOUS_OPERATIONS ?? (production ? 'registered' : 'any'),
          onRefused: refusedHere,
        }),
        documentLimits({
          limits: {
            maxFragments: config.MAX_QUERY_FRAGMENTS,
            maxSelections: config.MAX_QUERY_NODES,
            maxRepeatedField: config.MAX_REPEATED_FIELDS,
          },
          maxTokens: config.MAX_QUERY_TOKENS,
          trusted: new Set(registered.map((operation) => operation.text)),
          onRefused: refusedHere,
        }),
        responseCache.lookup,
        expressMiddleware(apollo, {
          // eslint-disable-next-line @typescript-eslint/require-await -- the integration's hook is async by contract
          context: async ({ req, res }) => ({
            requestId: String(res.locals.requestId),
            authorization: req.header('authorization'),
            cacheFill: res.locals.cacheFill as CacheContext['cacheFill'],
          }),
        }),
      );
      app.use(notFoundPage({ dashboard: config.DASHBOARD_DIR !== undefined, developerTools: config.NODE_ENV !== 'production' }));
      app.use(notFound());
      app.use(jsonErrors(logger));
      if (cache && events)
        subscription = await invalidateOnEvents({ source: events, cache, epoch: sharing, maps: () => eventMaps, metrics, logger });
      await listen(httpServer, config.PORT, config.HOST);
      if (metricsServer) await listen(metricsServer, config.METRICS_PORT!, config.METRICS_HOST);
      serving = true;
      const url = `${baseUrl(httpServer, config.HOST)}/graphql`;
      logger.info(
        { url, ...(metricsServer ? { metrics: `${baseUrl(metricsServer, config.METRICS_HOST)}/metrics` } : {}) },
        'The gateway is serving',
      );
      return url;
    },
    metricsUrl() {
      return metricsServer?.listening ? `${baseUrl(metricsServer, config.METRICS_HOST)}/metrics` : undefined;
    },
    async stop() {
      serving = false;
      await apollo.stop();
      await subscription?.close();
      await cache?.close?.();
      if (events?.closeBroker) await events.broker.close();
      if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      logger.info('The gateway has stopped');
    },
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function baseUrl(server: http.Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
}

type FetchRecorder = (context: CacheContext | undefined, variables: Record<string, unknown> | undefined, data: unknown) => void;

/** A subgraph's data source, timed and counted in the gateway's metrics; what each fetch was for goes to the response cache. */
class MeasuredDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly recordFetch: FetchRecorder;

  constructor(
    private readonly subgraph: string,
    private readonly metrics: GatewayMetrics,
    { recordFetch, ...options }: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0] & { recordFetch: FetchRecorder },
  ) {
    super(options);
    this.recordFetch = recordFetch;
  }

  override async process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    const response = await this.metrics.timeSubgraph(this.subgraph, () => super.process(options));
    // Health checks and schema loading come without a request context, so record nothing.
    this.recordFetch(options.context as CacheContext | undefined, options.request.variables, response.data);
    return response;
  }
}

/** Where the response cache keeps answers, as configured (RESPONSE_CACHE); none when it is off. */
function answerCache(
  config: GatewayConfig,
  options: { readonly metrics: GatewayMetrics; readonly logger: Logger; readonly topicPrefix: string | undefined },
): AnswerCache | undefined {
  const { metrics, logger } = options;
  switch (config.RESPONSE_CACHE) {
    case 'off':
      return undefined;
    case 'memory':
      return new ResponseCache({ maxBytes: config.RESPONSE_CACHE_MIB * 1024 * 1024, settleMs: config.RESPONSE_CACHE_SETTLE_MS, metrics });
    case 'redis':
      return new RedisResponseCache({
        // The config's check requires it with RESPONSE_CACHE=redis.
        url: config.RESPONSE_CACHE_REDIS_URL!,
        // One deployment's answers apart from another's on the same Redis (tests, benchmarks: their topic prefix).
        namespace: `klynge:response-cache:${options.topicPrefix ?? ''}`,
        settleMs: config.RESPONSE_CACHE_SETTLE_MS,
        timeoutMs: config.RESPONSE_CACHE_REDIS_TIMEOUT_MS,
        ttlSeconds: config.RESPONSE_CACHE_REDIS_TTL_S,
        metrics,
        logger,
      });
  }
}
