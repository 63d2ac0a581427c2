import { ConfigError } from '../config';
import { flushTraces } from '../events/trace-context';
import type { Logger } from '../logging';

/** What runService runs: a subgraph service, or the gateway. */
export interface Runnable {
  readonly logger: Logger;
  readonly config: { readonly SHUTDOWN_TIMEOUT_MS: number };
  start(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole of a service's (or the gateway's) `index.ts`: builds the service (reading its configuration), starts it,
 * and stops it gracefully on SIGTERM or SIGINT. A configuration problem ends the process with
 * exit code 1 and a message naming each offending variable, before anything is started.
 */
export async function runService(create: () => Runnable): Promise<void> {
  const service = exitOnConfigError(create);
  const { logger } = service;
  const shutdownTimeoutMs = service.config.SHUTDOWN_TIMEOUT_MS;

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    setTimeout(() => {
      logger.error({ shutdownTimeoutMs }, 'Shutdown took too long; exiting anyway');
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    service.stop().then(
      // The last requests' spans, when this process traces, go out before it ends.
      () => flushTraces().finally(() => process.exit(0)),
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  try {
    await service.start();
  } catch (error) {
    logger.fatal({ err: error }, 'The service could not start');
    await service.stop().catch(() => undefined);
    process.exit(1);
  }
}

/**
 * Runs `load` (which reads configuration); a configuration problem ends the process with exit
 * code 1 and the message naming each offending variable.
 */
export function exitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
