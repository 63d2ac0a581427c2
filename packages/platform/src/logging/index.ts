export { createLogger, currentLogContext, withLogContext, type LogContext, type Logger } from './logger';
