/**
 * Fetches Barcelona's plenary files with conditional GET (If-None-Match / If-Modified-Since) and a
 * descriptive User-Agent (the city's firewall rejects some bot agents with HTTP 418), and keeps the
 * parsed index until a file changes. Checks are spaced by `recheckMs`; concurrent checks share one.
 */
import { UpstreamError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import type { SafeCache } from '../../shared/cache';
import { parseCurrentTermFile, parsePreviousTermFile, type ParsedPlenaryFile } from '../mapping/plenary';

export interface PlenaryFileSpec {
  key: string;
  /** File name under the base URL. */
  name: string;
  parse: (content: string, key: string) => ParsedPlenaryFile;
}

export const PLENARY_FILES: PlenaryFileSpec[] = [
  { key: 'mandat_actual', name: 'votacions_plenari_mandat_actual.csv', parse: parseCurrentTermFile },
  { key: 'mandat_2019_2023', name: 'votacions_plenari_mandat_2019_2023.csv', parse: parsePreviousTermFile },
];

export interface PlenaryFileState {
  key: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** When we last fetched or revalidated it (ISO). */
  checkedAt: string;
  parsed: ParsedPlenaryFile;
  /** How many times the file was downloaded and parsed (304s do not count). */
  parses: number;
}

export interface PlenaryOptions {
  baseUrl: string;
  userAgent: string;
  timeoutMs: number;
  recheckMs: number;
  logger: Logger;
  /** Keeps each file's bytes and validators (in memory or Redis): a restarted or second subgraph revalidates instead of downloading. */
  cache?: SafeCache;
}

/** A file as kept in the cache: its bytes and the validators to revalidate it with. */
interface CachedFile {
  content: string;
  etag: string | null;
  lastModified: string | null;
}

const FILE_CACHE_TTL_MS = 7 * 24 * 3600 * 1000;

export class PlenaryFiles {
  private states = new Map<string, PlenaryFileState>();
  private inFlight: Promise<PlenaryFileState[]> | null = null;
  private lastCheck = 0;
  /** HTTP requests sent (including 304s). */
  requestCount = 0;

  constructor(readonly options: PlenaryOptions, readonly files: PlenaryFileSpec[] = PLENARY_FILES) {}

  /** Forgets the files and their validators (the benchmark measures cold queries). */
  async clear(): Promise<void> {
    this.states.clear();
    this.lastCheck = 0;
    for (const f of this.files) await this.options.cache?.delete(`barcelona:plenary:${this.options.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(f.name)}`);
  }

  /** The parsed files, revalidated when `recheckMs` has passed since the last check. */
  async load(): Promise<PlenaryFileState[]> {
    const fresh = this.states.size === this.files.length && Date.now() - this.lastCheck < this.options.recheckMs;
    if (fresh) return [...this.states.values()];
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async refresh(): Promise<PlenaryFileState[]> {
    const states = await Promise.all(this.files.map((f) => this.refreshFile(f)));
    this.lastCheck = Date.now();
    return states;
  }

  private async refreshFile(spec: PlenaryFileSpec): Promise<PlenaryFileState> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(spec.name)}`;
    let previous = this.states.get(spec.key);
    const cacheKey = `barcelona:plenary:${url}`;
    if (!previous && this.options.cache) {
      // Another process (or this one before a restart) may hold the file: revalidate that copy.
      const kept = await this.options.cache.get<CachedFile>(cacheKey);
      if (kept) previous = this.stateOf(spec, url, kept, (this.states.get(spec.key)?.parses ?? 0) + 1);
    }
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: 'text/csv, */*' };
    if (previous?.etag) headers['if-none-match'] = previous.etag;
    if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
    let response: Response;
    try {
      this.requestCount++;
      response = await fetch(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const detail = e.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : e.cause?.code ?? e.message;
      return this.keepOrFail(previous, new UpstreamError('barcelona', 'Barcelona plenary files', `GET ${spec.name}`, detail));
    }
    const checkedAt = new Date().toISOString();
    if (response.status === 304 && previous) {
      await response.body?.cancel();
      previous.checkedAt = checkedAt;
      this.states.set(spec.key, previous);
      return previous;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return this.keepOrFail(previous, new UpstreamError('barcelona', 'Barcelona plenary files', `GET ${spec.name}`, `HTTP ${response.status}`, response.status));
    }
    const content = await response.text();
    await this.options.cache?.set(cacheKey, { content, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') } satisfies CachedFile, FILE_CACHE_TTL_MS);
    const parsed = spec.parse(content, spec.key);
    for (const row of parsed.unplaced) {
      // Loud, with the line number; the row is counted in coverage, not silently dropped.
      this.options.logger.error({ file: spec.key, line: row.line, reason: row.reason }, 'plenary row could not be placed');
    }
    const state: PlenaryFileState = {
      key: spec.key,
      url,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      checkedAt,
      parsed,
      parses: (previous?.parses ?? 0) + 1,
    };
    this.states.set(spec.key, state);
    return state;
  }

  private stateOf(spec: PlenaryFileSpec, url: string, kept: CachedFile, parses: number): PlenaryFileState {
    return { key: spec.key, url, etag: kept.etag, lastModified: kept.lastModified, checkedAt: new Date().toISOString(), parsed: spec.parse(kept.content, spec.key), parses };
  }

  /** A failed check keeps the last good parse (the file rarely changes); without one it fails. */
  private keepOrFail(previous: PlenaryFileState | undefined, error: UpstreamError): PlenaryFileState {
    if (!previous) throw error;
    this.options.logger.warn({ err: error.message }, 'plenary file check failed; serving the last good copy');
    return previous;
  }
}
