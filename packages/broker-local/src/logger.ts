/** The part of a pino logger the in-process broker writes to. */
export interface LocalBrokerLogger {
  warn(details: object, message: string): void;
}
