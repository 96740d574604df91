/**
 * The cache every service uses: keyv in memory (bounded LRU) by default, Redis when REDIS_URL is
 * set (@keyv/redis). A cache is an optimisation, never a dependency: a failing or slow Redis turns
 * into misses (each operation has a deadline), is logged once per interval, and the next operation
 * tries again, so caching resumes by itself when Redis is back.
 */
import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import { LRUCache } from 'lru-cache';
import type { Logger } from './logger';
import { cacheMetrics } from './observability/metrics';

/** A Map-shaped LRU for keyv (keyv keeps the expiry inside the value), bounded in entries and bytes. */
class LruStore {
  private lru: LRUCache<string, NonNullable<unknown>>;
  constructor(max: number, maxBytes: number) {
    this.lru = new LRUCache({
      max,
      maxSize: maxBytes,
      // Approximate size: upstream answers (lists of decisions) can be megabytes each.
      sizeCalculation: (value) => Math.max(1, typeof value === 'string' ? value.length : JSON.stringify(value)?.length ?? 1),
    });
  }
  get(key: string) {
    return this.lru.get(key);
  }
  set(key: string, value: NonNullable<unknown>) {
    this.lru.set(key, value);
    return this;
  }
  delete(key: string) {
    return this.lru.delete(key);
  }
  clear() {
    this.lru.clear();
  }
  has(key: string) {
    return this.lru.has(key);
  }
}

export interface CacheOptions {
  /** Redis connection URL; without it the cache is in memory. */
  redisUrl?: string;
  /** Bound of the in-memory cache, in entries. */
  maxEntries: number;
  /** Bound of the in-memory cache, in (approximate) bytes; default 256 MiB. */
  maxBytes?: number;
  /** Key prefix, e.g. `helsinki:ahjo` or `gateway`. */
  namespace: string;
  /** Deadline of one cache operation. */
  timeoutMs: number;
  /** A Redis failure is logged at most once per this interval. */
  logIntervalMs?: number;
  logger: Logger;
}

export function createKeyv(options: Pick<CacheOptions, 'redisUrl' | 'maxEntries' | 'maxBytes' | 'namespace'>): Keyv {
  if (options.redisUrl) {
    const store = new KeyvRedis(options.redisUrl, { throwOnConnectError: false, throwOnErrors: false, connectionTimeout: 1000 });
    return new Keyv({ store, namespace: options.namespace, useKeyPrefix: false });
  }
  return new Keyv({ store: new LruStore(options.maxEntries, options.maxBytes ?? 256 * 1024 * 1024) as unknown as Map<string, unknown>, namespace: options.namespace });
}

/** keyv with deadlines, errors swallowed (as misses) and rate-limited logging. */
export class SafeCache {
  readonly keyv: Keyv;
  readonly kind: 'memory' | 'redis';
  private lastLog = 0;
  errors = 0;

  constructor(readonly options: CacheOptions) {
    this.keyv = createKeyv(options);
    this.kind = options.redisUrl ? 'redis' : 'memory';
    // keyv is an EventEmitter: an unhandled 'error' event would crash the process.
    this.keyv.on('error', (err: unknown) => this.failed(err));
  }

  private failed(err: unknown): void {
    this.errors++;
    const now = Date.now();
    if (now - this.lastLog >= (this.options.logIntervalMs ?? 30000)) {
      this.lastLog = now;
      this.options.logger.warn({ err: (err as Error)?.message ?? String(err), cache: this.options.namespace }, 'cache unavailable; serving uncached');
    }
  }

  /** Runs a cache operation with the deadline, counted in cache_operations_total by its result. */
  private async withDeadline<T>(operation: 'get' | 'set' | 'delete' | 'disconnect', op: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    let failed = false;
    const deadline = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        failed = true;
        this.failed(new Error(`cache operation took longer than ${this.options.timeoutMs} ms`));
        resolve(undefined);
      }, this.options.timeoutMs);
    });
    const value = await Promise.race([op.catch((err) => ((failed = true), this.failed(err), undefined)), deadline]).finally(() => clearTimeout(timer));
    const result = failed ? 'error' : operation !== 'get' ? 'ok' : value === undefined ? 'miss' : 'hit';
    cacheMetrics().operations.inc({ namespace: this.options.namespace, backend: this.kind, operation, result });
    return value;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.withDeadline('get', this.keyv.get<T>(key) as Promise<T | undefined>);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.withDeadline('set', this.keyv.set(key, value, ttlMs));
  }

  async delete(key: string): Promise<void> {
    await this.withDeadline('delete', this.keyv.delete(key));
  }

  async disconnect(): Promise<void> {
    await this.withDeadline('disconnect', this.keyv.disconnect());
  }
}
