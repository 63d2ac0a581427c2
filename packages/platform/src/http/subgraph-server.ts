import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { type RuntimeMode, SUBGRAPH_SECRET_HEADER } from '../auth';
import { isDatabaseUnavailable } from '../database/postgres-errors';
import { type Caller, checkOperationInput, ErrorCode, type RequestContext, RequestLoaders, ServiceUnavailableError } from '../graphql';
import { type Logger, withLogContext } from '../logging';
import { apolloLogger, withoutSuggestions } from './apollo-hardening';
import { jsonErrors, notFound, securityHeaders } from './hardening';

/** Something `/ready` checks: resolves when the dependency answers. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export interface SubgraphServerOptions<TContext extends RequestContext> {
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  /** Production gives no schema away: no introspection, no "Did you mean" in any error. */
  readonly mode?: RuntimeMode;
  readonly readiness: readonly ReadinessCheck[];
  /** Finds out who is asking (see Caller); without it every caller is anonymous. */
  readonly authenticate?: (request: express.Request) => Caller | undefined | Promise<Caller | undefined>;
  /** Adds the service's own fields to the context of each request. */
  readonly context?: (base: RequestContext, request: express.Request) => TContext | Promise<TContext>;
  /** Largest request body accepted (default 1 MB). */
  readonly bodyLimit?: string;
  /**
   * When any is set, /graphql answers only requests carrying one of them in the subgraph-secret
   * header: SUBGRAPH_SECRET, and while it is rotated the one it replaces (SUBGRAPH_SECRET_PREVIOUS),
   * so that gateways not yet given the new secret are let in too.
   */
  readonly secrets?: readonly (string | undefined)[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const READINESS_TIMEOUT_MS = 5_000;

const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * The HTTP face of a subgraph: GraphQL on `/graphql`, liveness on `/health`, readiness (every
 * dependency answers) on `/ready`. Closing stops taking requests, lets those in flight finish,
 * then releases the port.
 */
export class SubgraphServer<TContext extends RequestContext = RequestContext> {
  private readonly app = express();
  private readonly httpServer = http.createServer(this.app);
  private readonly apollo: ApolloServer<TContext>;
  private accepting = false;

  constructor(private readonly options: SubgraphServerOptions<TContext>) {
    // The gateway keeps idle connections to a subgraph open to use again. Were the subgraph to
    // close them first (Node's default: after 5 s), a request sent as it closes one would fail
    // with a reset; so a subgraph keeps them longer than its callers' pauses between queries.
    // Stopping closes idle connections at once (ApolloServerPluginDrainHttpServer).
    this.httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    this.httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
    const app = this.app;
    this.apollo = new ApolloServer<TContext>({
      schema: options.schema,
      // The service decides when to stop (after its consumers and outbox), not Apollo.
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      introspection: options.mode !== 'production',
      logger: apolloLogger(options.logger),
      formatError: (formatted, error) => {
        const answered = this.formatError(formatted, error);
        return options.mode === 'production' ? withoutSuggestions(answered) : answered;
      },
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }),
        ApolloServerPluginLandingPageDisabled(),
        // Federated traces are for Apollo's hosted Studio, which Klynge does not use.
        ApolloServerPluginInlineTraceDisabled(),
        // Klynge sets no cache hints; the plugin would wrap every field of every answer to collect none.
        ApolloServerPluginCacheControlDisabled(),
        inputLayer(),
        accessLog(),
      ],
    });

    app.disable('x-powered-by');
    app.use(securityHeaders());
    app.get('/health', (_request, response) => {
      response.json({ status: 'ok' });
    });
    app.get('/ready', async (_request, response) => {
      const checks = await this.checkReadiness();
      const ready = this.accepting && Object.values(checks).every((status) => status === 'up');
      response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
    });
    app.use('/graphql', (request, response, next) => {
      const offered = request.header('x-request-id');
      const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
      response.setHeader('x-request-id', requestId);
      response.locals.requestId = requestId;
      withLogContext({ requestId }, next);
    });
    const expected = (options.secrets ?? []).filter((secret): secret is string => Boolean(secret)).map(digest);
    if (expected.length > 0) {
      app.use('/graphql', (request, response, next) => {
        const offered = digest(request.header(SUBGRAPH_SECRET_HEADER) ?? '');
        // Every secret compared, whichever matches: the time taken says nothing about which.
        const matches = expected.map((secret) => timingSafeEqual(offered, secret));
        if (matches.includes(true)) return next();
        response.status(403).json({ errors: [{ message: 'Only the gateway may query this subgraph', extensions: { code: 'FORBIDDEN' } }] });
      });
    }
    app.use('/graphql', express.json({ limit: options.bodyLimit ?? '1mb' }));
  }

  /** Starts Apollo and listens; answers the GraphQL URL. */
  async listen(port: number, host: string): Promise<string> {
    await this.apollo.start();
    this.app.use(
      '/graphql',
      expressMiddleware(this.apollo, {
        context: async ({ req, res }) => {
          const base: RequestContext = {
            requestId: String(res.locals.requestId),
            logger: this.options.logger,
            loaders: new RequestLoaders(),
            headers: req.headers,
            caller: await this.options.authenticate?.(req),
          };
          return this.options.context ? this.options.context(base, req) : (base as TContext);
        },
      }),
    );
    this.app.use(notFound());
    this.app.use(jsonErrors(this.options.logger));
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(port, host, () => {
        this.httpServer.off('error', reject);
        resolve();
      });
    });
    this.accepting = true;
    const address = this.httpServer.address() as AddressInfo;
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    return `http://${shownHost}:${address.port}/graphql`;
  }

  /** Stops taking requests, waits for those in flight, closes the port. */
  async close(): Promise<void> {
    this.accepting = false;
    await this.apollo.stop();
    if (this.httpServer.listening) {
      await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
    }
  }

  private async checkReadiness(): Promise<Record<string, 'up' | 'down'>> {
    const results = await Promise.all(
      this.options.readiness.map(async (dependency) => {
        const name = dependency.name;
        try {
          await withTimeout(dependency.check(), READINESS_TIMEOUT_MS);
          return [name, 'up'] as const;
        } catch (error) {
          this.options.logger.warn({ err: error, dependency: name }, 'Readiness check failed');
          return [name, 'down'] as const;
        }
      }),
    );
    return Object.fromEntries(results);
  }

  /**
   * Errors thrown on purpose pass as they are. A database that cannot be reached (a restart, a
   * failover) is SERVICE_UNAVAILABLE: the caller may try again shortly. Anything else unexpected
   * is logged and masked. Neither says more than its code: no SQL, no address, no stack.
   */
  private formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError || formatted.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return formatted;
    }
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (isDatabaseUnavailable(original)) {
      this.options.logger.warn({ err: original, path: formatted.path }, 'The database could not be reached; answered SERVICE_UNAVAILABLE');
      const unavailable = new ServiceUnavailableError();
      return { message: unavailable.message, ...where, extensions: { ...unavailable.extensions } };
    }
    this.options.logger.error({ err: original, path: formatted.path }, 'Unexpected error in a resolver');
    return { message: 'Internal server error', ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
}

/** Every argument checked before the operation runs: see checkOperationInput. */
function inputLayer<TContext extends RequestContext>(): ApolloServerPlugin<TContext> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook is async by contract
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          try {
            checkOperationInput(schema, document, operation, request.variables ?? {});
          } catch (error) {
            // A GraphQL error in a 200 answer, as a resolver's would be: the gateway passes it on
            // with its code and field (a 4xx would read to it as the subgraph failing).
            if (error instanceof GraphQLError) {
              throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 200 } } });
            }
            throw error;
          }
        },
      };
    },
  };
}

function accessLog<TContext extends RequestContext>(): ApolloServerPlugin<TContext> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook is async by contract
    async requestDidStart({ contextValue }) {
      const startedAt = process.hrtime.bigint();
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async willSendResponse({ operationName, errors }) {
          const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
          contextValue.logger.info({ operationName: operationName ?? null, durationMs, errors: errors?.length ?? 0 }, 'GraphQL request');
        },
      };
    },
  };
}

/**
 * Secrets are compared as digests of their bytes: equal in length whatever is offered, so the
 * comparison takes the same time for any wrong secret and never throws on odd input.
 */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
