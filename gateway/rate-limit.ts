/**
 * Rate limiting per client: by `x-api-key` when a client sends one (hashed), else by IP. Counters
 * live in Redis when REDIS_URL is set (shared by every gateway), in memory otherwise; when Redis
 * fails, an in-memory limiter takes over (never an error). Every answer carries RateLimit-Limit,
 * RateLimit-Remaining and RateLimit-Reset; over the limit, 429 with Retry-After and a GraphQL error
 * with code RATE_LIMITED.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { createClient } from '@redis/client';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../subgraphs/shared/logger';

export interface RateLimitOptions {
  perMinute: number;
  redisUrl?: string;
  logger: Logger;
}

export interface RateLimiter {
  /** Calls `next` when the client may go on; otherwise answers 429. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void;
  close(): Promise<void>;
}

export function clientKey(req: http.IncomingMessage): string {
  const key = req.headers['x-api-key'];
  if (typeof key === 'string' && key) return `key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  return `ip:${req.socket.remoteAddress ?? 'unknown'}`;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const memory = new RateLimiterMemory({ points: options.perMinute, duration: 60, keyPrefix: 'rl' });
  let limiter: RateLimiterAbstract = memory;
  let client: ReturnType<typeof createClient> | undefined;
  if (options.redisUrl) {
    // No offline queue: while Redis is away, commands fail at once and the in-memory limiter answers.
    client = createClient({ url: options.redisUrl, disableOfflineQueue: true, socket: { connectTimeout: 1000, reconnectStrategy: (n) => Math.min(n * 200, 2000) } });
    client.on('error', () => undefined); // logged by the cache; the limiter falls back by itself
    client.connect().catch(() => undefined);
    limiter = new RateLimiterRedis({ storeClient: client, useRedisPackage: true, points: options.perMinute, duration: 60, keyPrefix: 'cdg:rl', insuranceLimiter: memory });
  }
  const headers = (res: http.ServerResponse, r: RateLimiterRes) => {
    res.setHeader('RateLimit-Limit', String(options.perMinute));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, r.remainingPoints)));
    res.setHeader('RateLimit-Reset', String(Math.ceil(r.msBeforeNext / 1000)));
  };
  return {
    handle(req, res, next) {
      if (req.url === '/health' || req.url === '/ready') return next();
      limiter.consume(clientKey(req)).then(
        (r) => {
          headers(res, r);
          next();
        },
        (r: unknown) => {
          if (!(r instanceof RateLimiterRes)) {
            options.logger.warn({ err: (r as Error)?.message }, 'rate limiter failed; letting the request through');
            return next();
          }
          headers(res, r);
          const retry = Math.max(1, Math.ceil(r.msBeforeNext / 1000));
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retry) });
          res.end(JSON.stringify({ errors: [{ message: `Too many requests: ${options.perMinute} a minute are allowed per client (by x-api-key, else by IP). Retry after ${retry} s.`, extensions: { code: 'RATE_LIMITED', retryAfter: retry } }] }));
        },
      );
    },
    async close() {
      if (client?.isOpen) await client.quit().catch(() => undefined);
    },
  };
}
