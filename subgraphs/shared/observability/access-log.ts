/**
 * The access log every service writes: one line per request (`msg: "request"`), never headers or
 * bodies (no credentials). Probes and scrapes come every few seconds: they are logged at debug only.
 */
import type http from 'node:http';
import type { Logger } from '../logger';

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * A caller's request id is kept when it is one (letters, digits and `._:-`, up to 128 characters: a
 * UUID, a ULID, a proxy's id), so that one id follows a request across systems; anything else is
 * not used, never logged as it came (it could forge log lines).
 */
export function requestIdFrom(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : undefined;
}

/** Seconds since `startedAt` (process.hrtime.bigint()). */
export const secondsSince = (startedAt: bigint): number => Number(process.hrtime.bigint() - startedAt) / 1e9;

export function logAccess(
  logger: Logger,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  entry: { requestId?: string; traceId?: string; path: string; seconds: number },
  details: Record<string, unknown>,
): void {
  const level = QUIET_PATHS.has(entry.path) ? 'debug' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const line = {
    ...(entry.requestId ? { requestId: entry.requestId } : {}),
    ...(entry.traceId ? { traceId: entry.traceId } : {}),
    method: req.method,
    path: entry.path,
    status: res.statusCode,
    // Closed by the client before the answer was complete.
    ...(res.writableFinished ? {} : { aborted: true }),
    durationMs: Math.round(entry.seconds * 10000) / 10,
    ...details,
  };
  logger[level](line, 'request');
}
