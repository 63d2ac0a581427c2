import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { createLogger, type Logger } from '@klynge/platform';
import express from 'express';
import type { GatewayConfig } from './config';
import { SUBGRAPHS, supergraphFile } from './subgraphs';

interface GatewayContext {
  readonly requestId: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface Gateway {
  readonly config: GatewayConfig;
  readonly logger: Logger;
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
  const urls: Record<string, string> = Object.fromEntries(SUBGRAPHS.map(({ name, urlVariable }) => [name, config[urlVariable]]));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(supergraphFile, 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: urls[name]!,
        willSendRequest({ request, context }) {
          // Health checks and schema loading come without a request context.
          const requestId = (context as Partial<GatewayContext> | undefined)?.requestId;
          if (typeof requestId === 'string') request.http?.headers.set('x-request-id', requestId);
        },
      }),
  });
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  let serving = false;
  app.disable('x-powered-by');
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', (_request, response) => {
    response.status(serving ? 200 : 503).json({ status: serving ? 'ready' : 'not ready' });
  });

  return {
    config,
    logger,
    async start() {
      await apollo.start();
      app.use(
        '/graphql',
        express.json({ limit: '1mb' }),
        expressMiddleware(apollo, {
          context: ({ req, res }) => {
            const offered = req.header('x-request-id');
            const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
            res.setHeader('x-request-id', requestId);
            return Promise.resolve({ requestId });
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
