import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** What every log line written while handling one request or one event carries. */
export interface LogContext {
  readonly requestId?: string;
  readonly eventId?: string;
  readonly eventType?: string;
  readonly correlationId?: string;
}

const logContext = new AsyncLocalStorage<LogContext>();

/**
 * A JSON logger for one service. Every line written inside {@link withLogContext} carries the
 * request or event ids of that context, however deep in the call stack it is written.
 */
export function createLogger(options: { service: string; level: LevelWithSilent }): Logger {
  return pino({
    level: options.level,
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...logContext.getStore() }),
  });
}

/** Runs `work` with `fields` added to the log context of everything it does. */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, work);
}

export function currentLogContext(): LogContext {
  return logContext.getStore() ?? {};
}
