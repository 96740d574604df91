/**
 * Rate limiting per client, two budgets a minute: requests (checked first, at the door) and query
 * cost (charged once the query is measured, so one expensive query spends what a hundred cheap ones
 * do). A client is its API key only when the key is registered (API_KEYS); any other key shares
 * its IP's budget, so inventing keys buys nothing. Counters live in Redis when REDIS_URL is set
 * (shared by every gateway), in memory otherwise; when Redis fails, an in-memory limiter takes over
 * (never an error). Every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset
 * (requests); over a budget, 429 with Retry-After and a GraphQL error with code RATE_LIMITED.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { createClient } from '@redis/client';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../subgraphs/shared/logger';
import { gatewayMetrics } from '../subgraphs/shared/observability/metrics';
import { noteErrors } from './request-guard';

export interface RateLimitOptions {
  perMinute: number;
  /** Query cost a client may spend a minute (0: not limited by cost). */
  costPerMinute: number;
  /** API keys that have a budget of their own; other keys count as their IP. */
  apiKeys: string[];
  /** Proxies in front of the gateway whose X-Forwarded-For is believed (TRUST_PROXY_HOPS; 0: none). */
  trustProxyHops?: number;
  redisUrl?: string;
  logger: Logger;
}

export interface RateLimiter {
  /** Calls `next` when the client may go on; otherwise answers 429. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void;
  /** The client a request is counted as. */
  clientOf(req: http.IncomingMessage): string;
  /** Charges a measured query's cost; throws RATE_LIMITED (HTTP 429) when the client's cost budget is spent. */
  chargeCost(client: string, cost: number): Promise<void>;
  close(): Promise<void>;
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/** The client a request counts as: a registered API key, else the IP it comes from. */
export function clientKey(req: http.IncomingMessage, registered: ReadonlySet<string>, trustProxyHops = 0): string {
  const key = req.headers['x-api-key'];
  if (typeof key === 'string' && key && registered.has(hash(key))) return `key:${hash(key)}`;
  return `ip:${clientAddress(req, trustProxyHops)}`;
}

/**
 * The client's address. Behind `hops` trusted proxies (deploy/nginx.conf is one) every request comes
 * from the nearest proxy, and each proxy appends the address it was reached from to X-Forwarded-For:
 * the client's is the hops-th from the right. Entries further left are what the client itself sent
 * and are never believed (a client could otherwise pick its own budget).
 */
export function clientAddress(req: http.IncomingMessage, hops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (hops <= 0) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return forwarded[forwarded.length - hops] ?? forwarded[0] ?? socket;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const registered = new Set(options.apiKeys.filter(Boolean).map(hash));
  let client: ReturnType<typeof createClient> | undefined;
  if (options.redisUrl) {
    // No offline queue: while Redis is away, commands fail at once and the in-memory limiter answers.
    client = createClient({ url: options.redisUrl, disableOfflineQueue: true, socket: { connectTimeout: 1000, reconnectStrategy: (n) => Math.min(n * 200, 2000) } });
    client.on('error', () => undefined); // logged by the cache; the limiter falls back by itself
    client.connect().catch(() => undefined);
  }
  const limiterOf = (points: number, prefix: string): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ points, duration: 60, keyPrefix: prefix });
    return client ? new RateLimiterRedis({ storeClient: client, useRedisPackage: true, points, duration: 60, keyPrefix: `cdg:${prefix}`, insuranceLimiter: memory }) : memory;
  };
  const requests = limiterOf(options.perMinute, 'rl');
  const costs = options.costPerMinute > 0 ? limiterOf(options.costPerMinute, 'rlcost') : null;
  const headers = (res: http.ServerResponse, r: RateLimiterRes) => {
    res.setHeader('RateLimit-Limit', String(options.perMinute));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, r.remainingPoints)));
    res.setHeader('RateLimit-Reset', String(Math.ceil(r.msBeforeNext / 1000)));
  };
  const retryOf = (r: RateLimiterRes) => Math.max(1, Math.ceil(r.msBeforeNext / 1000));
  const clientOf = (req: http.IncomingMessage) => clientKey(req, registered, options.trustProxyHops ?? 0);
  return {
    clientOf,
    handle(req, res, next) {
      // Liveness stays free; readiness probes the cities and is counted like any request.
      if (req.url === '/health') return next();
      requests.consume(clientOf(req)).then(
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
          const retry = retryOf(r);
          gatewayMetrics().rateLimited.inc({ budget: 'requests' });
          const error = { message: `Too many requests: ${options.perMinute} a minute are allowed per client (a registered x-api-key, else the IP). Retry after ${retry} s.`, extensions: { code: 'RATE_LIMITED', retryAfter: retry } };
          noteErrors([error]);
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retry) });
          res.end(JSON.stringify({ errors: [error] }));
        },
      );
    },
    async chargeCost(clientId, cost) {
      if (!costs || cost <= 0) return;
      try {
        await costs.consume(clientId, Math.min(cost, options.costPerMinute));
      } catch (r) {
        if (!(r instanceof RateLimiterRes)) {
          options.logger.warn({ err: (r as Error)?.message }, 'cost limiter failed; letting the request through');
          return;
        }
        const retry = retryOf(r);
        gatewayMetrics().rateLimited.inc({ budget: 'cost' });
        throw new GraphQLError(
          `Query cost budget spent: ${options.costPerMinute} a minute is allowed per client (a registered x-api-key, else the IP), and this query costs ${cost}. Retry after ${retry} s, or ask for less (lower \`first\` on nested lists).`,
          { extensions: { code: 'RATE_LIMITED', retryAfter: retry, cost, http: { status: 429, headers: new Map([['retry-after', String(retry)]]) } } },
        );
      }
    },
    async close() {
      if (client?.isOpen) await client.quit().catch(() => undefined);
    },
  };
}
