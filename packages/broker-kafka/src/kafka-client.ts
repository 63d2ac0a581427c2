import net from 'node:net';
import { type BrokerLogger, type BrokerSettings, BrokerUnavailableError } from '@klynge/broker';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { fixKafkajsRequestQueue } from './request-queue-fix';

// Before any client exists: kafkajs's connections otherwise spin on a 1 ms timer (see the file).
fixKafkajsRequestQueue();

/** As kafkajs's own socket factory: TCP keep-alive probes after a minute idle. */
const KEEP_ALIVE_DELAY_MS = 60_000;
/** Kafka's own retries are kept short: the outbox relay and the subscriptions retry on top. */
export const CLIENT_RETRY = { initialRetryTime: 200, maxRetryTime: 2_000, retries: 3 };

/**
 * Every connection kafkajs opened for one adapter and has not closed yet, so that the adapter
 * can end them all when it closes.
 */
export class OpenSockets {
  private readonly sockets = new Set<net.Socket>();
  /** Set once released: a connection opened after that is ended at once. */
  private released = false;

  get count(): number {
    return this.sockets.size;
  }

  track(socket: net.Socket): void {
    if (this.released) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  releaseAll(): void {
    this.released = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

/** A kafkajs client whose every connection `sockets` tracks, logging through the settings' logger. */
export function kafkaClient(settings: BrokerSettings, sockets: OpenSockets): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    ...(settings.credentials && { sasl: { mechanism: 'scram-sha-512', ...settings.credentials } }),
    socketFactory: ({ host, port, onConnect }) => {
      const socket = net.connect({ host, port }, onConnect);
      socket.setKeepAlive(true, KEEP_ALIVE_DELAY_MS);
      sockets.track(socket);
      return socket;
    },
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: CLIENT_RETRY,
    logLevel: logLevel.INFO,
    logCreator: () => (entry) => logKafkajs(settings.logger, entry),
  });
}

/**
 * kafkajs logs every failed connection attempt at ERROR although it retries them; the caller
 * decides what is an error, so these arrive one level lower.
 */
function logKafkajs(logger: BrokerLogger | undefined, { level, log }: LogEntry): void {
  if (!logger) return;
  const { message, ...details } = log;
  const text = `kafkajs: ${message}`;
  const fields = { component: 'kafkajs', ...details };
  if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(fields, text);
  else logger.debug(fields, text);
}

/** A kafkajs client and its connecting, kept apart so that a client whose connect failed can still be released. */
export interface Connecting<T> {
  readonly client: T;
  readonly ready: Promise<T>;
}

export function connecting<T extends { connect(): Promise<void> }>(client: T): Connecting<T> {
  const ready = client.connect().then(() => client);
  // Whoever awaits `ready` sees the failure; this only keeps it from being reported unhandled too.
  ready.catch(() => undefined);
  return { client, ready };
}

/**
 * Disconnects a client once its connecting has settled, failed or not: a failed connect may
 * already have opened connections, and only disconnect() is sure to close them.
 */
export async function release(connection: Connecting<{ disconnect(): Promise<void> }> | undefined): Promise<void> {
  if (!connection) return;
  await connection.ready.catch(() => undefined);
  await disconnectQuietly(connection.client);
}

export async function disconnectQuietly(client: { disconnect(): Promise<void> } | undefined): Promise<void> {
  try {
    await client?.disconnect();
  } catch {
    // Already gone: nothing more to release.
  }
}

export function unavailable(action: string, error: unknown): BrokerUnavailableError {
  if (error instanceof BrokerUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BrokerUnavailableError(`Kafka: could not ${action}: ${reason}`, { cause: error });
}
