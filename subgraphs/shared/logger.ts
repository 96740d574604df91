/**
 * Structured JSON logs (pino) for every service; LOG_LEVEL sets the level (default info, `silent` in
 * tests). Every line carries the active trace's ids (`traceId`, `spanId`), so a log line leads to its
 * trace and back. Credentials are redacted wherever they appear under a known name: tokens, API keys,
 * authorization headers and passwords never reach the logs.
 */
import pino from 'pino';
import { activeTraceIds } from './observability/tracing';

export type Logger = pino.Logger;

/** Names that hold a secret, at the top level or one or two levels down (pino's redact paths). */
const SECRET_KEYS = ['authorization', 'Authorization', 'token', 'apiKey', 'apiKeys', 'api_key', 'x-api-key', 'password', 'cookie', 'set-cookie'];
const REDACT = SECRET_KEYS.flatMap((k) => [`["${k}"]`, `*["${k}"]`, `*.*["${k}"]`]);

export function createLogger(service: string, level = process.env.LOG_LEVEL || 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
    mixin: () => activeTraceIds() ?? {},
  };
  return destination ? pino(options, destination) : pino(options);
}
